/** Styles of the overlay, injected into its shadow root only (never into Wati's page). */
export const overlayCss = `
:host { all: initial; }
* { box-sizing: border-box; }
.wtg-panel { position: fixed; right: 16px; bottom: 16px; width: 360px; max-height: calc(100vh - 32px); overflow: auto;
  background: #fff; color: #1f2328; font: 13px/1.45 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif;
  border: 1px solid #d0d7de; border-radius: 10px; box-shadow: 0 8px 28px rgba(0,0,0,.18); z-index: 2147483000; pointer-events: auto; }
.wtg-panel.wtg-compact { overflow: hidden; border-color: #0b7a5a; }
.wtg-compact-bar { display: flex; align-items: center; gap: 8px; height: 100%; padding: 0 8px 0 12px; background: #0b7a5a; color: #fff; }
.wtg-compact-title { flex: 1; min-width: 0; overflow: hidden; text-overflow: ellipsis; white-space: nowrap; font-weight: 600; }
.wtg-compact-bar button { background: transparent; color: #fff; border: 1px solid rgba(255,255,255,.55); border-radius: 6px; padding: 1px 8px; white-space: nowrap; }
.wtg-compact-bar button.wtg-primary { background: #fff; color: #0b7a5a; border-color: #fff; font-weight: 600; }
.wtg-head { position: sticky; top: 0; display: flex; align-items: center; justify-content: space-between; gap: 8px; padding: 9px 12px;
  background: #0b7a5a; color: #fff; border-radius: 10px 10px 0 0; z-index: 1; }
.wtg-head-actions { display: flex; gap: 6px; }
.wtg-head button { background: transparent; color: #fff; border: 1px solid rgba(255,255,255,.55); border-radius: 6px; padding: 1px 8px; cursor: pointer; }
button { font: inherit; cursor: pointer; border-radius: 6px; border: 1px solid #8c959f; padding: 4px 10px; background: #f6f8fa; color: #1f2328; }
button:focus-visible, input:focus-visible, textarea:focus-visible, select:focus-visible { outline: 2px solid #0969da; outline-offset: 1px; }
button.wtg-primary { background: #0b7a5a; border-color: #0b7a5a; color: #fff; }
button.wtg-danger { background: #cf222e; border-color: #cf222e; color: #fff; }
button:disabled { opacity: .55; cursor: default; }
.wtg-note { margin: 8px 12px; padding: 6px 8px; background: #f6f8fa; border-radius: 6px; }
.wtg-warn { color: #7d4e00; background: #fff8c5; border: 1px solid #d4a72c; border-radius: 6px; padding: 5px 8px; margin: 6px 0; }
.wtg-error { color: #82071e; background: #ffebe9; border: 1px solid #ff8182; border-radius: 6px; padding: 5px 8px; margin: 6px 0; }
.wtg-ok { color: #116329; }
.wtg-steps { list-style: none; margin: 6px 0 10px; padding: 0 10px; }
.wtg-step { display: grid; grid-template-columns: 18px 1fr; gap: 2px 6px; padding: 4px 2px; border-radius: 6px; }
.wtg-step-mark { font-weight: 700; text-align: center; }
.wtg-step.wtg-done { color: #57606a; }
.wtg-step.wtg-done .wtg-step-mark { color: #1a7f37; }
.wtg-step.wtg-current { background: #eef6f2; color: #1f2328; font-weight: 600; }
.wtg-step.wtg-todo { color: #8c959f; }
.wtg-step-body { grid-column: 2; font-weight: 400; display: flex; flex-direction: column; gap: 6px; padding: 4px 0 2px; }
.wtg-step-body p { margin: 0; }
.wtg-row { display: flex; gap: 6px; flex-wrap: wrap; align-items: center; }
.wtg-sr { position: absolute; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0); white-space: nowrap; }
.wtg-manual { margin: 8px 12px 12px; padding-left: 18px; }
.wtg-manual li { margin: 4px 0; }
.wtg-chips { display: flex; flex-wrap: wrap; gap: 4px; margin: 0; padding: 0; list-style: none; }
.wtg-chip { font: 12px ui-monospace, SFMono-Regular, Menlo, monospace; background: #ddf4ff; border: 1px solid #54aeff; border-radius: 10px; padding: 0 7px; }
.wtg-chip.wtg-guess { background: #fff8c5; border-color: #d4a72c; }
.wtg-findings { list-style: none; margin: 0; padding: 0; display: flex; flex-direction: column; gap: 4px; }
.wtg-finding { border-left: 3px solid #8c959f; padding: 2px 6px; background: #f6f8fa; border-radius: 0 6px 6px 0; }
.wtg-finding[data-kind="high-risk"] { border-color: #cf222e; background: #ffebe9; }
.wtg-finding[data-kind="missing"] { border-color: #bc4c00; background: #fff1e5; }
.wtg-finding[data-kind="excess"] { border-color: #d4a72c; background: #fff8c5; }
.wtg-finding[data-kind="unknown"] { border-color: #8250df; background: #fbefff; }
.wtg-finding code, .wtg-mono { font: 12px ui-monospace, SFMono-Regular, Menlo, monospace; }
textarea, input[type="text"], select { font: inherit; width: 100%; border: 1px solid #d0d7de; border-radius: 6px; padding: 4px 6px; background: #fff; color: #1f2328; }
textarea { min-height: 64px; resize: vertical; font: 12px ui-monospace, SFMono-Regular, Menlo, monospace; }
details > summary { cursor: pointer; }
.wtg-presets { display: flex; flex-direction: column; gap: 2px; }
.wtg-presets label { display: flex; gap: 6px; align-items: baseline; }
.wtg-highlight { position: fixed; pointer-events: none; border: 3px solid #0b7a5a; border-radius: 8px; box-shadow: 0 0 0 4px rgba(11,122,90,.25);
  z-index: 2147482999; transition: all .12s ease-out; }
.wtg-panel.wtg-capture { position: fixed; width: 340px; right: auto; bottom: auto; max-height: 70vh; z-index: 2147483001; }
.wtg-capture .wtg-body { padding: 10px 12px; display: flex; flex-direction: column; gap: 8px; }
.wtg-countdown { font-variant-numeric: tabular-nums; }
.wtg-modal-backdrop { position: fixed; inset: 0; background: rgba(0,0,0,.45); z-index: 2147483646; display: grid; place-items: center; pointer-events: auto; }
.wtg-modal { background: #fff; color: #1f2328; width: min(440px, 92vw); border-radius: 10px; padding: 16px; box-shadow: 0 12px 40px rgba(0,0,0,.3);
  font: 14px/1.45 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; display: flex; flex-direction: column; gap: 10px; }
.wtg-modal h2 { margin: 0; font-size: 16px; }
.wtg-banner { position: fixed; right: 16px; top: 10px; width: min(720px, 94vw); max-height: calc(100vh - 20px); overflow: auto; z-index: 2147483000; pointer-events: auto;
  background: #fff8c5; color: #3b2e00; border: 1px solid #d4a72c; border-radius: 8px; box-shadow: 0 4px 16px rgba(0,0,0,.15);
  font: 13px/1.45 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; }
.wtg-banner[data-severity="critical"] { background: #ffebe9; border-color: #ff8182; color: #82071e; }
.wtg-banner-body { padding: 8px 12px; display: flex; gap: 10px; align-items: flex-start; }
.wtg-banner-body > ul { margin: 0; padding-left: 16px; flex: 1; min-width: 0; }
.wtg-banner.wtg-compact { overflow: hidden; }
.wtg-banner .wtg-compact-bar { background: transparent; color: inherit; }
.wtg-banner .wtg-compact-bar button { background: #fff; color: inherit; border-color: currentColor; }
.wtg-sync > div > p { margin: 8px 12px; }
.wtg-sync-list { margin: 0 12px; padding-left: 18px; }
.wtg-save-form { display: flex; flex-direction: column; gap: 4px; }
.wtg-save-form label { display: flex; flex-direction: column; gap: 2px; font-size: 12px; }
`;
