// Grafana's index.html: boot data first (before any bundle imports @grafana/runtime), then the shell bundle.

export function indexHtml(bootData: unknown, title: string): string {
  // `</script>` inside JSON must not end the script element.
  const json = JSON.stringify(bootData).replace(/</g, '\\u003c');
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8" />
<base href="/" />
<title>${title}</title>
<link rel="icon" href="public/plugins/linescope-app/img/logo.svg" />
<link rel="stylesheet" href="public/host/shell.css" />
<style>html,body{margin:0;height:100%;background:#111217}</style>
</head>
<body>
<div id="reactRoot"></div>
<script>window.grafanaBootData = ${json};</script>
<script src="public/host/shell.js"></script>
</body>
</html>
`;
}
