import webpack, { type Configuration, type Stats } from 'webpack';

const report = (stats: Stats | undefined): void => {
  if (!stats) return;
  const text = stats.toString({ colors: false, preset: 'errors-warnings' });
  if (text.trim()) console.log(text);
};

/** One production (or development) build; rejects when webpack reports an error. */
export const runWebpack = (config: Configuration): Promise<Stats> =>
  new Promise((resolve, reject) => {
    webpack(config, (error, stats) => {
      report(stats);
      if (error) return reject(error);
      if (!stats || stats.hasErrors()) return reject(new Error('webpack build failed'));
      resolve(stats);
    });
  });

/** Rebuilds on every change (the dev loop); the promise settles after the first build. */
export const watchWebpack = (config: Configuration): Promise<void> =>
  new Promise((resolve, reject) => {
    let first = true;
    webpack(config).watch({ aggregateTimeout: 200 }, (error, stats) => {
      report(stats);
      if (first) {
        first = false;
        if (error) reject(error);
        else resolve();
      } else if (!error && stats && !stats.hasErrors()) {
        console.log(`[mfe] rebuilt in ${stats.endTime - stats.startTime} ms`);
      }
    });
  });
