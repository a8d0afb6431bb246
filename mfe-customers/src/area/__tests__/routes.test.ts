import { parseRoute, paths } from '../routes';

const ID = '3f6c2b1e-6a1d-4c1e-9f8a-2b7d7e0c1a55';

describe('customers routes', () => {
  it('reads every page of the area from its path', () => {
    expect(parseRoute('/customers')).toEqual({ page: 'list' });
    expect(parseRoute('/customers/')).toEqual({ page: 'list' });
    expect(parseRoute('/customers/new')).toEqual({ page: 'new' });
    expect(parseRoute('/customers/segments')).toEqual({ page: 'segments' });
    expect(parseRoute(`/customers/${ID}`)).toEqual({ page: 'profile', customerId: ID, tab: 'overview' });
    expect(parseRoute(`/customers/${ID}/journey`)).toEqual({
      page: 'profile',
      customerId: ID,
      tab: 'journey',
    });
    expect(parseRoute(`/customers/${ID}/edit`)).toEqual({ page: 'edit', customerId: ID });
  });

  it('answers notFound for paths outside the area or unknown tabs', () => {
    expect(parseRoute('/inbox')).toEqual({ page: 'notFound' });
    expect(parseRoute(`/customers/${ID}/nothing`)).toEqual({ page: 'notFound' });
  });

  it('builds the paths it reads', () => {
    for (const path of [
      paths.list(),
      paths.new(),
      paths.segments(),
      paths.profile(ID, 'preferences'),
      paths.edit(ID),
    ])
      expect(parseRoute(path).page).not.toBe('notFound');
  });
});
