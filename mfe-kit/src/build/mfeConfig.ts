import { join } from 'node:path';
import { readFileSync } from 'node:fs';
import webpack, { type Configuration } from 'webpack';
import HtmlWebpackPlugin from 'html-webpack-plugin';
import { ModuleFederationPlugin } from '@module-federation/enhanced/webpack';
import { SHARED_SINGLETONS } from './sharedSingletons';

export type MfeConfigOptions = {
  /** The package folder (its package.json gives the version). */
  dir: string;
  /** Module Federation container name: `shell`, `customers`, `analytics`, `inbox`. */
  name: string;
  /** The public surface: `{ './mount': './src/mount.tsx' }`. */
  exposes: Record<string, string>;
  /** The page entry (the shell's root config, or a remote's standalone dev page). */
  entry: string;
  /** Page title of the generated index.html. */
  title: string;
};

export type BuildMode = 'production' | 'development';

export type BuildOverrides = {
  mode?: BuildMode;
  /** Output folder; default `<dir>/dist`. */
  outDir?: string;
  /** Replaces the package.json version (the independence test builds a "new version" this way). */
  version?: string;
};

const packageVersion = (dir: string): string =>
  (JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')) as { version: string }).version;

/**
 * One webpack set-up for every MFE: TypeScript/TSX through swc, a Module Federation container named
 * after the area with `remoteEntry.js`, react/react-dom/react-intl as shared singletons, an index.html,
 * `publicPath: 'auto'` so a build's chunks load from whatever folder or origin serves its entry, and
 * the version compiled in as `__MFE_VERSION__`. The page's own script is addressed from the root
 * (`/main.js`): every path of the app answers the same index.html (the server's history fallback), so
 * a relative `main.js` would resolve under a deep URL such as `/customers/<id>` on reload.
 */
export const createMfeConfig =
  (options: MfeConfigOptions) =>
  (overrides: BuildOverrides = {}): Configuration => {
    const mode = overrides.mode ?? 'production';
    const version = overrides.version ?? packageVersion(options.dir);
    return {
      mode,
      context: options.dir,
      entry: { main: options.entry },
      devtool: mode === 'production' ? false : 'eval-cheap-module-source-map',
      output: {
        path: overrides.outDir ?? join(options.dir, 'dist'),
        publicPath: 'auto',
        // Entry files keep a fixed name (the federation runtime needs it before hashes exist); the
        // chunks they load are content-hashed and cached for good.
        filename: '[name].js',
        chunkFilename: mode === 'production' ? '[id].[contenthash:8].js' : '[id].js',
        uniqueName: `c360_${options.name}`,
        clean: true,
      },
      resolve: { extensions: ['.tsx', '.ts', '.js', '.json'] },
      module: {
        rules: [
          {
            test: /\.tsx?$/,
            exclude: /node_modules/,
            use: {
              loader: 'swc-loader',
              options: {
                jsc: {
                  parser: { syntax: 'typescript', tsx: true },
                  transform: { react: { runtime: 'automatic', development: mode === 'development' } },
                  target: 'es2020',
                },
              },
            },
          },
        ],
      },
      performance: { hints: false },
      infrastructureLogging: { level: 'error' },
      stats: 'errors-warnings',
      plugins: [
        new webpack.DefinePlugin({
          __MFE_NAME__: JSON.stringify(options.name),
          __MFE_VERSION__: JSON.stringify(version),
        }),
        new ModuleFederationPlugin({
          name: options.name,
          filename: 'remoteEntry.js',
          exposes: options.exposes,
          shared: SHARED_SINGLETONS,
          dts: false,
          manifest: false,
        }),
        new HtmlWebpackPlugin({
          title: options.title,
          templateContent: indexHtml(options.title),
          chunks: ['main'],
          publicPath: PAGE_PUBLIC_PATH,
        }),
      ],
    };
  };

/** Where index.html finds its scripts: the root of the server that serves the build. */
export const PAGE_PUBLIC_PATH = '/';

const indexHtml = (title: string): string =>
  `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1"><title>${title}</title></head><body><div id="root"></div></body></html>`;
