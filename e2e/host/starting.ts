// What the host answers while the stack behind it is still starting (data sources, source server, doubles): a
// 503 that says so, a page that reloads itself, so that nobody sees an app without its data source.

const RETRY_SECONDS = 1;

export function startingResponse(pathname: string): { status: 503; headers: Record<string, string>; body: string } {
  const headers = { 'retry-after': String(RETRY_SECONDS), 'cache-control': 'no-store' };
  if (pathname.startsWith('/api/') || pathname.startsWith('/public/')) {
    return {
      status: 503,
      headers: { ...headers, 'content-type': 'application/json' },
      body: JSON.stringify({ message: 'Linescope is starting; try again in a moment' }),
    };
  }
  return {
    status: 503,
    headers: { ...headers, 'content-type': 'text/html; charset=utf-8' },
    body: `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8" />
<meta http-equiv="refresh" content="${RETRY_SECONDS}" />
<title>Starting - Linescope</title>
<style>html,body{margin:0;height:100%;background:#111217;color:#ccccdc;font:16px sans-serif;display:grid;place-items:center}</style>
</head>
<body><p>Linescope is starting: the data sources, the source server and the doubles are on their way. This page reloads by itself.</p></body>
</html>
`,
  };
}
