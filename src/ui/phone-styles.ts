// The phone page's whole stylesheet, inline: one request on a poor school connection instead
// of two. The Content-Security-Policy allows exactly this text by its SHA-256 (ME_STYLE_HASH), so
// an injected style still cannot run.
//
// Phone first: one column that never exceeds the viewport (no fixed widths, no tables, long words wrap),
// sizes in rem so 200 % zoom reflows instead of scrolling sideways, text contrast above 7:1,
// links 6:1, a visible focus ring, and buttons at least 44 px high.
export const ME_CSS = [
  ':root{color-scheme:light}',
  '*{box-sizing:border-box}',
  'body{margin:0;font:1rem/1.5 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;color:#1a1a1a;background:#fff}',
  'header,main,footer{max-width:40rem;margin:0 auto;padding:0 1rem}',
  'header{padding-top:.75rem;color:#404040}',
  'header p{margin:0}',
  'footer{padding-bottom:2rem}',
  'h1{font-size:1.5rem;line-height:1.25;margin:.25rem 0 .75rem}',
  'h2{font-size:1.25rem;margin:1.75rem 0 .5rem;padding-bottom:.25rem;border-bottom:2px solid #c8c8c8}',
  'h3{font-size:1.05rem;margin:1rem 0 .25rem}',
  'p,li,dt,dd,a,h1,h2,h3{overflow-wrap:break-word}',
  'ul.duties{list-style:none;padding:0;margin:0}',
  '.duty{border:1px solid #8c8c8c;border-radius:.5rem;padding:.5rem .75rem;margin:.5rem 0}',
  '.duty p{margin:0}',
  '.duty .what{font-weight:700}',
  '.duty.changed{background:#fff4ce;border:2px solid #7a5c00}',
  '.tag{display:inline-block;font-size:.875rem;font-weight:700;border:1px solid currentColor;border-radius:.25rem;padding:0 .3rem;margin-left:.35rem}',
  '.notice{background:#eef3fd;border-left:.25rem solid #0b57d0;padding:.5rem .75rem;margin:.75rem 0}',
  '.quiet{color:#404040}',
  'dl.figures{margin:0}',
  'dl.figures div{padding:.4rem 0;border-bottom:1px solid #c8c8c8}',
  'dt{font-weight:700}',
  'dd{margin:0}',
  'a{color:#0b57d0}',
  'a:focus-visible,button:focus-visible,input:focus-visible,textarea:focus-visible{outline:3px solid #1a1a1a;outline-offset:2px}',
  'button{font:inherit;min-height:2.75rem;padding:.5rem 1rem;margin:.25rem 0;border:2px solid #0b57d0;border-radius:.5rem;background:#fff;color:#0b57d0;cursor:pointer}',
  'button.primary{background:#0b57d0;color:#fff}',
  '.alert{background:#fdecea;border-left:.25rem solid #b3261e;padding:.5rem .75rem;margin:.75rem 0}',
  '.alert p{margin:0}',
  '.actions{display:flex;flex-wrap:wrap;gap:0 .75rem}',
  '.actions form{margin:.25rem 0 0}',
  'form{margin:.5rem 0}',
  'ul.links{padding-left:1.25rem}',
  'ul.links li{margin:.5rem 0}',
  'label{display:block;font-weight:700;margin-top:.5rem}',
  'input,textarea{font:inherit;width:100%;padding:.4rem;border:1px solid #767676;border-radius:.25rem}',
  'textarea{min-height:5rem}',
  'fieldset{border:0;padding:0;margin:.5rem 0}',
  'legend{font-weight:700;padding:0}',
  '.choice{display:flex;gap:.6rem;align-items:flex-start;border:1px solid #8c8c8c;border-radius:.5rem;padding:.6rem .75rem;margin:.5rem 0}',
  '.choice input{width:1.5rem;height:1.5rem;flex:none;margin:0}',
  '.choice label{font-weight:400;margin:0}',
  'details.fold{border:1px solid #8c8c8c;border-radius:.5rem;margin:.5rem 0}',
  '.fold summary{cursor:pointer;font-weight:700;min-height:2.75rem;padding:.6rem .75rem;overflow-wrap:break-word}',
  '.fold[open] summary{border-bottom:1px solid #c8c8c8}',
  '.fold section{padding:0 .75rem .5rem}',
  'summary:focus-visible{outline:3px solid #1a1a1a;outline-offset:2px}',
].join('')

/**
 * The CSP source that allows exactly ME_CSS (add it to style-src). A literal, so the security
 * headers can name it without computing anything; test/calendar/views.test.ts recomputes it and
 * fails with the new value whenever the stylesheet changes.
 */
export const ME_STYLE_HASH = "'sha256-1SXGT2vAqQQ0sDTwtKdIM145cR1wm5cHp+ca3QWyjsQ='"
