/**
 * The floor of an HTTP send on this machine: a bare Express app whose `POST /api/v1/messages`
 * parses the same JSON body as the route's (express.json, the route's body limit) and answers 200
 * with an answer of the same shape, with no authentication, validation, storage or push.
 *
 *   node --import tsx bench/express-floor-server.ts <port>
 */
import express from 'express';

const port = Number(process.argv[2]);
const app = express();
let msgId = 0;
app.post('/api/v1/messages', express.json({ limit: 64 * 1024 }), (req, res) => {
  const body = req.body as { to?: { userId?: string }; clientMsgId?: string };
  msgId++;
  res.json({
    msgId: String(msgId),
    conversationId: `p:${body.to?.userId ?? ''}`,
    seq: String(msgId),
    ts: String(Date.now()),
    clientMsgId: body.clientMsgId,
  });
});
app.listen(port, '127.0.0.1');
