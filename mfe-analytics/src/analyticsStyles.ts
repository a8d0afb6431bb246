// Logical properties and grid/flex follow `dir`: the area mirrors in Arabic by itself.
export const ANALYTICS_CSS = `
.c360-analytics { display: grid; gap: 1rem; }
.c360-filters { display: flex; flex-wrap: wrap; gap: 1rem; align-items: end; }
.c360-card { background: #fff; border: 1px solid #dde; border-radius: .5rem; padding: .75rem 1rem; }
.c360-card-header { display: flex; align-items: center; gap: 1rem; }
.c360-card-header h2 { font-size: 1.05rem; margin: 0; }
.c360-kpis { display: grid; grid-template-columns: repeat(auto-fill, minmax(11rem, 1fr)); gap: .75rem; }
.c360-kpi { border: 1px solid #e3e6ee; border-radius: .5rem; padding: .5rem .75rem; }
.c360-kpi h3 { font-size: .85rem; margin: 0; color: #556; }
.c360-kpi-value { font-size: 1.4rem; margin: .25rem 0; }
.c360-kpi[data-tone="up"] .c360-kpi-change span { color: #187a3c; }
.c360-kpi[data-tone="down"] .c360-kpi-change span { color: #b3261e; }
.c360-trends { display: grid; grid-template-columns: repeat(auto-fill, minmax(20rem, 1fr)); gap: .75rem; }
.c360-scroll { overflow-x: auto; }
.c360-heatmap td, .c360-heatmap th { padding: .25rem .5rem; text-align: center; }
.c360-funnel { list-style: none; padding: 0; display: grid; gap: .35rem; }
.c360-funnel li { display: grid; grid-template-columns: 9rem 1fr 12rem; align-items: center; gap: .5rem; }
.c360-funnel-bar { display: block; block-size: 1rem; background: #2f6fde; border-radius: .25rem; }
.c360-table { border-collapse: collapse; inline-size: 100%; }
.c360-table th, .c360-table td { text-align: start; padding: .3rem .5rem; border-block-end: 1px solid #eee; }
.c360-actions { display: flex; gap: .5rem; }
.c360-schedule-form { display: flex; flex-wrap: wrap; gap: .5rem; align-items: end; margin-block-start: .5rem; }
.c360-hint { color: #667; font-size: .8rem; margin-block: .25rem; }
.c360-chip { border: 1px solid #ccd; border-radius: 999px; padding-inline: .5rem; font-size: .8rem; }
.c360-analytics-version { color: #889; font-size: .75rem; }
`;
