require('node:http')
  .createServer((_req, res) => res.end('ok\n'))
  .listen(3000);
