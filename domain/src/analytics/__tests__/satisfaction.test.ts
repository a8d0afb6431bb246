import fc from 'fast-check';
import { csat, nps, summariseSurveys } from '../satisfaction';

describe('CSAT and NPS', () => {
  it('CSAT is the share of 4 and 5 among 1-5 answers', () => {
    expect(csat([5, 4, 3, 1, 5])).toBe(60);
    expect(csat([0, 6, 2])).toBe(0); // out-of-range answers are ignored
    expect(csat([])).toBeNull();
  });

  it('NPS is percent promoters (9-10) minus percent detractors (0-6)', () => {
    expect(nps([10, 9, 8, 7, 6, 0, 10])).toBe(14.3); // (3 − 2) / 7
    expect(nps([10, 10])).toBe(100);
    expect(nps([0, 6])).toBe(-100);
    expect(nps([7, 8])).toBe(0);
    expect(nps([])).toBeNull();
  });

  it('summarises a customer’s answers by kind', () => {
    const at = new Date('2026-01-01T00:00:00Z');
    expect(
      summariseSurveys([
        { kind: 'csat', score: 5, answeredAt: at },
        { kind: 'csat', score: 2, answeredAt: at },
        { kind: 'nps', score: 9, answeredAt: at },
      ]),
    ).toEqual({ csat: 50, csatAnswers: 2, nps: 100, npsAnswers: 1 });
  });

  it('property: CSAT stays in 0..100 and NPS in -100..100', () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 1, max: 5 }), { minLength: 1 }),
        fc.array(fc.integer({ min: 0, max: 10 }), { minLength: 1 }),
        (c, n) => {
          const cs = csat(c)!;
          const ns = nps(n)!;
          expect(cs >= 0 && cs <= 100).toBe(true);
          expect(ns >= -100 && ns <= 100).toBe(true);
        },
      ),
    );
  });
});
