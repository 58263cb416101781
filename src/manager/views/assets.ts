// The manager's stylesheet and script, served as files from /manage/assets/ so the pages stay
// under the strict Content-Security-Policy (style-src and script-src 'self', nothing inline).
//
// The stylesheet starts from the staff phone page's (same type, colours, focus ring, buttons
// and tables) and adds what a desk-sized page needs: a wider column, navigation, forms with
// their errors, the week grids, charts and the A4 landscape print of the week.
import { ME_CSS } from '../../ui/phone-styles.js'

const MANAGER_RULES = [
  'header,main,footer{max-width:90rem}',
  // The pages seen before signing in (src/auth/pages.ts) are a form or a few lines: a narrow column.
  'body.public header,body.public main{max-width:40rem}',
  '.skip{position:absolute;left:-100rem;top:.5rem;background:#fff;padding:.5rem 1rem;border:2px solid #0b57d0}',
  '.skip:focus{left:1rem}',
  '.site{display:flex;flex-wrap:wrap;align-items:baseline;justify-content:space-between;gap:.5rem 1rem}',
  'nav ul{list-style:none;display:flex;flex-wrap:wrap;gap:.25rem 1.25rem;padding:0;margin:.5rem 0 0}',
  'nav a{display:inline-block;padding:.25rem 0}',
  'nav a[aria-current=page]{font-weight:700;text-decoration-thickness:3px}',
  '.signout button{min-height:2rem;padding:.1rem .75rem;margin:0}',
  // A phone (390 px) never scrolls the page sideways: controls and field groups stay inside the
  // column, long words and addresses wrap, and only a wide grid scrolls, inside its own region.
  'input,select,textarea,button,progress{max-width:100%}',
  'fieldset{min-width:0}',
  'a,dd,label,legend,.hint,.field-error{overflow-wrap:anywhere}',
  'select,textarea{font:inherit;width:100%;padding:.4rem;border:1px solid #767676;border-radius:.25rem;background:#fff;color:#1a1a1a}',
  'textarea{min-height:8rem;font-family:ui-monospace,Menlo,Consolas,monospace}',
  'select:focus-visible,textarea:focus-visible,summary:focus-visible,[tabindex]:focus-visible{outline:3px solid #1a1a1a;outline-offset:2px}',
  'input[type=checkbox],input[type=radio]{width:auto;margin:0 .4rem 0 0}',
  'input[type=file]{border:none;padding:.25rem 0}',
  'fieldset{border:1px solid #8c8c8c;border-radius:.25rem;margin:.75rem 0;padding:.25rem .75rem .5rem}',
  'legend{font-weight:700;padding:0 .25rem}',
  'label.choice{display:inline-flex;align-items:center;font-weight:400;margin:.35rem 1.25rem .35rem 0}',
  '.hint{display:block;color:#404040;font-weight:400;font-size:.9rem}',
  '.field{margin:.5rem 0 .75rem;max-width:36rem}',
  '.field.wide{max-width:none}',
  '.row{display:flex;flex-wrap:wrap;gap:0 1rem}',
  '.row .field{flex:1 1 10rem}',
  '.error-summary{border:3px solid #a4262c;padding:.25rem 1rem .5rem;margin:1rem 0}',
  '.error-summary h2{border:none;margin-top:.5rem;color:#a4262c}',
  '.field-error{display:block;color:#a4262c;font-weight:700}',
  '[aria-invalid=true]{border:2px solid #a4262c}',
  '.success{background:#e6f4ea;border-left:.25rem solid #0f6b2f;padding:.5rem .75rem;margin:.75rem 0}',
  '.visually-hidden{position:absolute!important;width:1px;height:1px;margin:-1px;padding:0;border:0;overflow:hidden;clip:rect(0 0 0 0);white-space:nowrap}',
  // Positioned so the visually hidden header text in a wide grid is clipped with the grid: an
  // absolute element otherwise escapes its overflow box and widens the whole page.
  '.scroll{position:relative;max-width:100%;overflow-x:auto;margin:.5rem 0 1rem}',
  // A caption centred over a grid wider than the phone starts off screen; at the left it is read first.
  '.scroll caption{text-align:left}',
  'table.grid{border-collapse:collapse;width:auto;min-width:100%;font-size:.9rem}',
  '.grid th,.grid td{border:1px solid #b0b0b0;padding:.3rem .4rem;min-width:7rem}',
  '.grid thead th{background:#f3f3f3}',
  '.grid .time{display:block;font-weight:400;color:#404040}',
  '.grid ul{list-style:none;margin:0;padding:0}',
  '.grid li{margin:.1rem 0 .35rem}',
  // A name and its Pin and Bar buttons stay on one line; the grid scrolls sideways instead.
  '.grid td li{white-space:nowrap}',
  '.grid td .seat-actions{flex-wrap:nowrap}',
  '.reasons li{margin:.25rem 0}',
  '.next-steps{margin:.15rem 0 .5rem}',
  '.grid td.closed,.grid td.off{background:#f3f3f3;color:#404040}',
  '.grid td.unfilled{background:#fde7e9;box-shadow:inset 0 0 0 2px #a4262c}',
  '.grid td.absent{background:#fff4ce}',
  '.flag{display:inline-block;font-size:.8rem;font-weight:700;border:1px solid currentColor;border-radius:.25rem;padding:0 .25rem;margin-left:.25rem}',
  '.flag.gap{color:#a4262c}',
  '.reason{display:block;font-size:.85rem;color:#1a1a1a}',
  '.seat-actions{display:inline-flex;gap:.25rem;flex-wrap:wrap;margin-left:.35rem}',
  '.seat-actions form{margin:0}',
  'button.small,.seat-actions button{min-height:1.75rem;min-width:1.75rem;padding:0 .4rem;margin:0;font-size:.85rem;border-width:1px;border-radius:.25rem}',
  'button.primary{background:#0b57d0;color:#fff}',
  'button.danger{border-color:#a4262c;color:#a4262c}',
  'button.danger.solid{background:#a4262c;color:#fff}',
  '.actions{display:flex;flex-wrap:wrap;gap:.5rem 1rem;align-items:center;margin:1rem 0}',
  '.actions form{margin:0}',
  // A row's Edit and Delete side by side, each big enough to tap (WCAG 2.2 target size).
  '.row-actions{display:flex;flex-wrap:wrap;gap:.35rem;align-items:center}',
  '.row-actions form{margin:0}',
  'a.small-link{display:inline-flex;align-items:center;min-height:1.75rem;min-width:1.75rem;padding:0 .4rem;border:1px solid #0b57d0;border-radius:.25rem;font-size:.85rem}',
  '.progress{display:flex;align-items:center;gap:.75rem;margin:.5rem 0}',
  '.progress[hidden]{display:none}',
  'progress{width:12rem;height:1rem}',
  '.diff{border:2px solid #7a5c00;background:#fffbeb;padding:.25rem 1rem .75rem;margin:1rem 0}',
  '.diff h2{border:none}',
  // The wet-weather switches: one day a row, its state beside its button, wrapping on a phone.
  '.weather-days{list-style:none;padding:0;margin:.5rem 0}',
  '.weather-days form{display:flex;flex-wrap:wrap;gap:.25rem 1rem;align-items:center;margin:0 0 .5rem}',
  '.weather-days p{margin:0}',
  // The conflict page's table: what differs stands out by weight and a flag, not colour alone.
  'table.compare th[scope=row]{text-align:left}',
  'table.compare tr.differs td{font-weight:700;background:#fffbeb}',
  'figure{margin:1rem 0}',
  'figcaption{font-weight:700;margin-bottom:.25rem}',
  '.chart svg{max-width:100%;height:auto}',
  '.qr{max-width:22rem}',
  '.qr svg{width:100%;height:auto}',
  '.poster{text-align:center}',
  '.poster .qr{margin:1rem auto}',
  '.steps{padding-left:1.5rem}',
  '.steps li{margin:.35rem 0}',
  'dl.summary{display:grid;grid-template-columns:max-content 1fr;gap:.25rem 1rem}',
  'dl.summary dt{font-weight:700}',
  'dl.summary dd{margin:0}',
  '@media (max-width:30rem){',
  '.row{display:block}',
  'dl.summary{grid-template-columns:minmax(0,1fr)}',
  'dl.summary dd{margin-bottom:.35rem}',
  '}',
  '.page-break{margin-top:2rem}',
  '.link-cards{list-style:none;padding:0;display:grid;grid-template-columns:repeat(auto-fill,minmax(15rem,1fr));gap:1rem}',
  '.link-card{border:1px dashed #000;padding:.5rem 1rem;break-inside:avoid}',
  '.link-card .qr{max-width:11rem}',
  '.link-words{font-family:monospace;word-break:break-all}',
  // The link sheet is portrait A4 (a named page), the week's grids stay landscape.
  '.link-sheet{page:links}',
  '@page links{size:A4 portrait;margin:10mm}',
  '@page{size:A4 landscape;margin:10mm}',
  '@media print{',
  '.skip,nav,.signout,.no-print,.seat-actions,form{display:none!important}',
  'body{font-size:9pt;color:#000}',
  'header,main,footer{max-width:none;padding:0}',
  'h1{font-size:14pt;margin:0 0 4mm}',
  '.scroll{overflow:visible}',
  'table.grid{font-size:8pt;width:100%;page-break-inside:auto}',
  '.grid tr{page-break-inside:avoid}',
  '.grid th,.grid td{border:1px solid #000;min-width:0}',
  '.grid td.unfilled{box-shadow:none;border:2px solid #000}',
  'a{color:#000;text-decoration:none}',
  '.page-break{break-before:page;margin:0}',
  '.poster{font-size:16pt}',
  '.link-cards{grid-template-columns:1fr 1fr;gap:5mm}',
  '}',
].join('')

export const MANAGER_CSS = ME_CSS + MANAGER_RULES

/**
 * Progressive enhancement only; every form works without it:
 *  - a form with a [data-progress] element shows it while the server works (a long solve),
 *    and its buttons are disabled so a second click does not start a second solve;
 *  - [data-print] buttons, hidden without a script, print the page;
 *  - [data-copy] buttons, hidden without a script, copy the text of the field they name and
 *    say so in the page's [data-copied] status;
 *  - a file chosen in a [data-fill] input is also shown in the textarea it names, so the
 *    manager sees what will be read.
 */
export const MANAGER_JS = `'use strict';
document.addEventListener('submit', function (event) {
  var form = event.target;
  if (!(form instanceof HTMLFormElement)) return;
  var progress = form.querySelector('[data-progress]');
  if (!progress) return;
  progress.hidden = false;
  form.setAttribute('aria-busy', 'true');
  // After the browser has collected the form: a disabled button would not be sent.
  setTimeout(function () {
    form.querySelectorAll('button').forEach(function (b) { b.disabled = true; });
  }, 0);
});
document.querySelectorAll('[data-print]').forEach(function (button) {
  button.hidden = false;
  button.addEventListener('click', function () { window.print(); });
});
document.querySelectorAll('[data-copy]').forEach(function (button) {
  var field = document.getElementById(button.getAttribute('data-copy'));
  var said = document.querySelector('[data-copied]');
  if (!field || !navigator.clipboard) return;
  button.hidden = false;
  button.addEventListener('click', function () {
    navigator.clipboard.writeText(field.value).then(
      function () { if (said) said.textContent = 'Copied.'; },
      function () { field.select(); if (said) said.textContent = 'Could not copy: the link is selected, copy it from there.'; }
    );
  });
});
document.querySelectorAll('input[type=file][data-fill]').forEach(function (input) {
  input.addEventListener('change', function () {
    var target = document.getElementById(input.getAttribute('data-fill'));
    var file = input.files && input.files[0];
    if (!target || !file || file.size > 524288) return;
    file.text().then(function (text) { target.value = text; });
  });
});
`

export const ASSET_PATHS = { css: '/manage/assets/manager.css', js: '/manage/assets/manager.js' } as const
