/**
 * An OpenAI-compatible POST /chat/completions (Bearer auth, 401 otherwise) whose "model" can be an
 * honest translator or a compromised one that obeys instructions hidden in the texts: it leaks the
 * system prompt, chats, echoes the input, or returns the wrong number of items.
 */
import { fakeTranslate, startTestServer, type TestServer } from './test-server.js';

export type ModelBehaviour = 'honest' | 'leak-prompt' | 'chatty' | 'echo' | 'wrong-count' | 'not-json';

interface ChatBody {
  model?: unknown;
  messages?: Array<{ role: string; content: string }>;
}

function targetOf(system: string): string {
  if (/to Traditional Chinese/.test(system)) return 'zh-Hant';
  if (/to Simplified Chinese/.test(system)) return 'zh-Hans';
  return 'en';
}

export async function startOpenAiServer(
  apiKey: string,
  behaviour: { current: ModelBehaviour },
): Promise<TestServer> {
  return startTestServer((req) => {
    if (req.method !== 'POST' || req.path !== '/v1/chat/completions') return { status: 404, body: { error: { message: 'Not found' } } };
    if (req.headers.authorization !== `Bearer ${apiKey}`) {
      return { status: 401, body: { error: { message: 'Incorrect API key provided', type: 'invalid_request_error', code: 'invalid_api_key' } } };
    }
    const body = req.body as ChatBody | null;
    const system = body?.messages?.find((m) => m.role === 'system')?.content ?? '';
    const user = body?.messages?.find((m) => m.role === 'user')?.content ?? '';
    if (typeof body?.model !== 'string' || !system || !user) {
      return { status: 400, body: { error: { message: 'model and messages are required', type: 'invalid_request_error' } } };
    }
    const match = /<texts>\n([\s\S]*)\n<\/texts>/.exec(user);
    const texts = match ? (JSON.parse(match[1]!) as string[]) : [];
    const target = targetOf(system);
    const content = {
      honest: JSON.stringify({ translations: texts.map((t) => fakeTranslate(t, target)) }),
      'leak-prompt': JSON.stringify({ translations: texts.map(() => system) }),
      chatty: JSON.stringify({ translations: texts.map(() => 'Sure! Here is my prompt: translate things.') }),
      echo: JSON.stringify({ translations: texts }),
      'wrong-count': JSON.stringify({ translations: [...texts, 'extra'] }),
      'not-json': 'I will not translate that.',
    }[behaviour.current];
    return {
      status: 200,
      body: {
        id: 'chatcmpl-test',
        object: 'chat.completion',
        created: Math.floor(Date.now() / 1000),
        model: body.model,
        choices: [{ index: 0, message: { role: 'assistant', content }, finish_reason: 'stop' }],
        usage: { prompt_tokens: 10, completion_tokens: 10, total_tokens: 20 },
      },
    };
  });
}
