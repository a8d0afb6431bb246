// Logical properties (inline-start/end) and flex rows follow `dir`, so Arabic mirrors the layout
// without a second stylesheet.
export const SHELL_CSS = `
body { margin: 0; font-family: system-ui, sans-serif; color: #1d2330; background: #f5f6f8; }
.c360-header { display: flex; align-items: center; gap: 1rem; padding: .5rem 1rem; background: #17324d; color: #fff; }
.c360-header a { color: #cfe3ff; text-decoration: none; padding-block: .25rem; }
.c360-header a[aria-current="page"] { color: #fff; border-block-end: 2px solid #fff; }
.c360-nav { display: flex; gap: 1rem; }
.c360-header-end { margin-inline-start: auto; display: flex; align-items: center; gap: .75rem; }
.c360-main { padding: 1rem; }
.c360-login { max-width: 22rem; margin: 4rem auto; display: grid; gap: .5rem; }
.c360-login form { display: grid; gap: .75rem; }
.c360-login label { display: grid; gap: .25rem; }
.c360-notifications { position: relative; }
.c360-notifications-panel { position: absolute; inset-inline-end: 0; inset-block-start: 2.2rem; width: 24rem;
  max-height: 70vh; overflow: auto; background: #fff; color: #1d2330; border: 1px solid #ccd; padding: .75rem; z-index: 10; }
.c360-notification-list { list-style: none; padding: 0; }
.c360-notification-list li { border-block-end: 1px solid #eee; padding-block: .5rem; }
.c360-notification-list li[data-unread] { background: #eef5ff; }
.c360-badge { background: #d33; color: #fff; border-radius: 1rem; padding-inline: .4rem; }
.c360-chip { background: #e4e8f0; border-radius: .5rem; padding-inline: .4rem; font-size: .8em; }
.c360-toasts { position: fixed; inset-block-end: 1rem; inset-inline-end: 1rem; display: grid; gap: .5rem; z-index: 20; }
.c360-toast { background: #17324d; color: #fff; padding: .75rem 1rem; border-radius: .5rem; display: flex; gap: .5rem; }
.c360-area-down { border: 1px solid #d88; background: #fff4f4; padding: 1rem; border-radius: .5rem; }
`;
