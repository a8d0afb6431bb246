import { parseManifest } from '../manifest';

describe('parseManifest', () => {
  it('keeps the well-formed entries of the known areas', () => {
    expect(
      parseManifest({
        areas: {
          customers: { entry: 'http://127.0.0.1:3101/remoteEntry.js', version: '1.2.0' },
          analytics: { entry: 'http://127.0.0.1:3102/remoteEntry.js' },
          inbox: 'http://x/remoteEntry.js',
          billing: { entry: 'http://127.0.0.1:3999/remoteEntry.js', version: '1.0.0' },
        },
      }),
    ).toEqual({ areas: { customers: { entry: 'http://127.0.0.1:3101/remoteEntry.js', version: '1.2.0' } } });
  });

  it('treats anything but an object of areas as an empty manifest', () => {
    expect(parseManifest(null)).toEqual({ areas: {} });
    expect(parseManifest({ areas: 'nope' })).toEqual({ areas: {} });
  });
});
