import {
  ActivityHandler,
  CloudAdapter,
  ConfigurationBotFrameworkAuthentication,
  MessageFactory,
} from 'botbuilder';
import { createServer, plugins, type Request, type Response, type Server } from 'restify';

/**
 * The baseline for the bench: the smallest bot on the same stack (botbuilder CloudAdapter + restify 11),
 * echoing every message, with no state, dialogs or matcher.
 * @remarks Run as its own process (`PORT=… node dist/bench/echoBot.js`) so it is loaded exactly as the real bot is.
 */
export function createEchoBot(): Server {
  const adapter = new CloudAdapter(new ConfigurationBotFrameworkAuthentication({}));
  const bot = new ActivityHandler();
  bot.onMessage(async (context, next) => {
    await context.sendActivity(MessageFactory.text(`Echo: ${context.activity.text ?? ''}`));
    await next();
  });
  const server = createServer({ name: 'echo-bot' });
  server.use(plugins.bodyParser());
  server.get('/healthz', async (_req: Request, res: Response) => {
    res.send(200, { status: 'ok' });
  });
  server.post('/api/messages', async (req: Request, res: Response) => {
    await adapter.process(req, res, (context) => bot.run(context));
  });
  return server;
}

if (require.main === module) {
  const server = createEchoBot();
  server.listen(Number(process.env.PORT ?? 3979), '127.0.0.1');
  process.on('SIGTERM', () => {
    server.close();
    process.exit(0);
  });
}
