//! A self-contained `/docs` page: it renders `/openapi.json` in the browser with no
//! external scripts, so it works on machines without internet access.

pub const PAGE: &str = r##"<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>rc-gateway API</title>
<meta name="viewport" content="width=device-width, initial-scale=1">
<link rel="icon" href="data:,">
<style>
 body { font-family: system-ui, sans-serif; margin: 2rem auto; max-width: 70rem; padding: 0 1rem; color: #222; }
 h1 { margin-bottom: .2rem; } .muted { color: #666; }
 details { border: 1px solid #ddd; border-radius: 6px; margin: .4rem 0; padding: .4rem .8rem; }
 summary { cursor: pointer; font-family: ui-monospace, monospace; }
 .m { display: inline-block; width: 4.5rem; font-weight: bold; }
 .get { color: #0a6; } .post { color: #06c; } .put { color: #a60; } .delete { color: #c33; } .patch { color: #808; }
 table { border-collapse: collapse; margin: .4rem 0; } td, th { border-bottom: 1px solid #eee; padding: .2rem .6rem; text-align: left; vertical-align: top; }
 pre { background: #f6f8fa; padding: .6rem; overflow: auto; border-radius: 4px; }
</style>
</head>
<body>
<h1>rc-gateway</h1>
<p class="muted" id="desc">Loading <a href="/openapi.json">/openapi.json</a>…</p>
<div id="ops"></div>
<script>
const esc = s => String(s).replace(/[&<>"]/g, c => ({'&':'&amp;','<':'&lt;','>':'&gt;','"':'&quot;'}[c]));
fetch('/openapi.json').then(r => r.json()).then(doc => {
  document.getElementById('desc').textContent = doc.info.description;
  const schemas = doc.components.schemas;
  const name = ref => ref.split('/').pop();
  // A schema as a short type, with its constraints and (for properties) its
  // description as a trailing comment.
  const rules = s => [
    s.pattern && 'pattern ' + s.pattern,
    s.minimum !== undefined && 'min ' + s.minimum,
    s.maximum !== undefined && 'max ' + s.maximum,
    s.maxLength !== undefined && 'max length ' + s.maxLength,
    s.maxItems !== undefined && 'max items ' + s.maxItems,
  ].filter(Boolean).join(', ');
  const show = (schema, depth = 0) => {
    if (!schema) return '';
    if (schema.allOf) return show(schema.allOf[0], depth);
    if (schema.$ref) {
      const s = schemas[name(schema.$ref)];
      if (depth > 2) return name(schema.$ref);
      return name(schema.$ref) + ' ' + show(s, depth + 1);
    }
    if (schema.type === 'object' && schema.properties) {
      const pad = '  '.repeat(depth + 1);
      const required = schema.required || [];
      return '{\n' + Object.entries(schema.properties).map(([k, v]) => {
        const note = [required.includes(k) && 'required', v.description].filter(Boolean).join('; ');
        return pad + k + ': ' + show(v, depth + 1) + (note ? '  // ' + note : '');
      }).join('\n') + '\n' + '  '.repeat(depth) + '}';
    }
    if (schema.type === 'array') return '[' + show(schema.items, depth) + ']' + (schema.maxItems ? ' (max ' + schema.maxItems + ')' : '');
    if (schema.enum) return schema.enum.join(' | ');
    const r = rules(schema);
    return schema.type + (schema.format ? ' (' + schema.format + ')' : '') + (r ? ' [' + r + ']' : '');
  };
  const out = [];
  for (const [path, ops] of Object.entries(doc.paths)) {
    for (const [method, op] of Object.entries(ops)) {
      const params = (op.parameters || []).map(p =>
        `<tr><td>${esc(p.name)}${p.required ? ' *' : ''}</td><td>${esc(p.in)}</td><td>${esc(show(p.schema))}</td><td>${esc(p.description || '')}</td></tr>`).join('');
      const open = op.security && op.security.length === 0 ? ' (no credentials needed)' : '';
      const about = `<p>${esc(op.description || '')}${esc(open)}</p>`;
      const body = op.requestBody ? `<p>Body</p><pre>${esc(show(op.requestBody.content['application/json'].schema))}</pre>` : '';
      const ok = op.responses['200'].content;
      const resp = `<p>Response (${esc(Object.keys(ok).join(', '))})</p><pre>${esc(show(Object.values(ok)[0].schema))}</pre>`;
      out.push(`<details><summary><span class="m ${method}">${method.toUpperCase()}</span>${esc(path)}
        <span class="muted">${esc(op.summary)}</span></summary>
        ${about}${params ? `<table><tr><th>parameter</th><th>in</th><th>type</th><th></th></tr>${params}</table>` : ''}${body}${resp}</details>`);
    }
  }
  document.getElementById('ops').innerHTML = out.join('');
});
</script>
</body>
</html>
"##;
