import { z } from 'zod';
import { text, type Text } from '../../core/l10n.js';
import type { ToolName } from '../definition-schema.js';
import { buildIcs, type MailSender, type WebhookPoster } from './effects.js';

/**
 * The tools an assistant may call for a case (DECIDE-4). `read` tools only look things up and run at
 * once; `external` tools change something outside Leitplanke and run only after a person has seen the
 * preview — built from exactly the arguments that will be used — and confirmed it.
 */
export type Preview = { summary: Text; details: { label: Text; value: string }[] };

export type ToolContext = {
  caseSummary: () => Record<string, unknown>;
  channels: () => Promise<{ name: string; label: string }[]>;
  channelUrl: (name: string) => Promise<string | undefined>;
  mail: MailSender;
  webhooks: WebhookPoster;
  actionId: string;
  now: Date;
};

type Tool<A extends z.ZodType> = {
  name: ToolName;
  effect: 'read' | 'external';
  description: string;
  args: A;
  preview(args: z.infer<A>): Preview;
  run(args: z.infer<A>, context: ToolContext): Promise<Record<string, unknown>>;
};

const localDateTime = z.string().regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/, 'YYYY-MM-DDTHH:MM');
const label = (de: string, en: string) => text(de, en);

const getCase: Tool<z.ZodObject<Record<string, never>>> = {
  name: 'get_case',
  effect: 'read',
  description:
    'Liest den Vorgang: Bezeichnung, Status, Entscheidung, freigegebener Text, E-Mail-Adresse für die Antwort und nicht erfüllte Regeln.',
  args: z.object({}),
  preview: () => ({ summary: text('Vorgang lesen', 'Read the case'), details: [] }),
  run: async (_args, context) => context.caseSummary(),
};

const listChannels: Tool<z.ZodObject<Record<string, never>>> = {
  name: 'list_channels',
  effect: 'read',
  description: 'Listet die Kanäle, in die Mitteilungen gepostet werden können.',
  args: z.object({}),
  preview: () => ({ summary: text('Kanäle auflisten', 'List channels'), details: [] }),
  run: async (_args, context) => ({ channels: await context.channels() }),
};

const emailArgs = z
  .object({
    to: z.email().max(320),
    subject: z.string().trim().min(1).max(200),
    body: z.string().trim().min(1).max(20_000),
  })
  .strict();
const sendEmail: Tool<typeof emailArgs> = {
  name: 'send_email',
  effect: 'external',
  description:
    'Sendet eine E-Mail. Wirkung nach außen: wird erst nach Bestätigung durch eine Person ausgeführt.',
  args: emailArgs,
  preview: (args) => ({
    summary: text(`E-Mail an ${args.to} senden`, `Send an email to ${args.to}`),
    details: [
      { label: label('An', 'To'), value: args.to },
      { label: label('Betreff', 'Subject'), value: args.subject },
      { label: label('Text', 'Text'), value: args.body },
    ],
  }),
  run: async (args, context) => {
    const sent = await context.mail.send({ to: args.to, subject: args.subject, text: args.body });
    return { messageId: sent.messageId };
  },
};

const calendarArgs = z
  .object({
    title: z.string().trim().min(1).max(200),
    start: localDateTime,
    end: localDateTime,
    location: z.string().trim().max(200).optional(),
    description: z.string().trim().max(4000).optional(),
  })
  .strict()
  .refine((args) => args.end > args.start, { message: 'end must be after start', path: ['end'] });
const createCalendarEntry: Tool<typeof calendarArgs> = {
  name: 'create_calendar_entry',
  effect: 'external',
  description:
    'Legt einen Kalendereintrag als iCalendar-Datei (ICS) an. Zeiten als YYYY-MM-DDTHH:MM in deutscher Zeit. Wird erst nach Bestätigung ausgeführt.',
  args: calendarArgs,
  preview: (args) => ({
    summary: text(
      `Kalendereintrag „${args.title}“ anlegen (ICS-Datei)`,
      `Create the calendar entry "${args.title}" (ICS file)`,
    ),
    details: [
      { label: label('Titel', 'Title'), value: args.title },
      { label: label('Beginn (deutsche Zeit)', 'Start (German time)'), value: args.start.replace('T', ' ') },
      { label: label('Ende (deutsche Zeit)', 'End (German time)'), value: args.end.replace('T', ' ') },
      ...(args.location ? [{ label: label('Ort', 'Location'), value: args.location }] : []),
      ...(args.description ? [{ label: label('Beschreibung', 'Description'), value: args.description }] : []),
    ],
  }),
  run: async (args, context) => ({
    filename: `termin-${context.actionId.slice(0, 8)}.ics`,
    ics: buildIcs({ uid: `${context.actionId}@leitplanke`, stamp: context.now, ...args }),
  }),
};

const channelArgs = z
  .object({ channel: z.string().trim().min(1).max(60), text: z.string().trim().min(1).max(4000) })
  .strict();
const postToChannel: Tool<typeof channelArgs> = {
  name: 'post_to_channel',
  effect: 'external',
  description:
    'Postet eine Mitteilung in einen Kanal (Namen mit list_channels). Wird erst nach Bestätigung ausgeführt.',
  args: channelArgs,
  preview: (args) => ({
    summary: text(
      `Mitteilung in den Kanal „${args.channel}“ posten`,
      `Post a message to the channel "${args.channel}"`,
    ),
    details: [
      { label: label('Kanal', 'Channel'), value: args.channel },
      { label: label('Mitteilung', 'Message'), value: args.text },
    ],
  }),
  run: async (args, context) => {
    const url = await context.channelUrl(args.channel);
    if (!url) throw new Error(`channel ${args.channel} no longer exists`);
    const { status } = await context.webhooks.post(url, { text: args.text });
    return { status };
  },
};

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- a registry of tools with different argument types
export const tools: Record<ToolName, Tool<any>> = {
  get_case: getCase,
  list_channels: listChannels,
  send_email: sendEmail,
  create_calendar_entry: createCalendarEntry,
  post_to_channel: postToChannel,
};

/** The OpenAI `tools` array for the model. */
export function toolDeclarations(names: ToolName[]) {
  return names.map((name) => ({
    type: 'function',
    function: {
      name,
      description: tools[name].description,
      parameters: z.toJSONSchema(tools[name].args, { target: 'draft-7', io: 'input' }),
    },
  }));
}
