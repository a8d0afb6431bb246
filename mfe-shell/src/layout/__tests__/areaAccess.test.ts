import { visibleAreas } from '../areaAccess';

describe('navigation by role', () => {
  it('shows each role the areas whose data the API lets it read', () => {
    expect(visibleAreas(['agent'])).toEqual(['customers', 'inbox']);
    expect(visibleAreas(['marketer'])).toEqual(['customers', 'analytics']);
    expect(visibleAreas(['manager'])).toEqual(['customers', 'analytics', 'inbox']);
    expect(visibleAreas(['ops'])).toEqual([]);
    expect(visibleAreas(['ops', 'agent'])).toEqual(['customers', 'inbox']);
  });
});
