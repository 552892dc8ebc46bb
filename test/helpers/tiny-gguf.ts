import { writeFileSync } from 'node:fs';

/**
 * Writes a tiny llama-architecture model in GGUF v3 (F32 tensors, random weights, a small
 * SentencePiece-style vocabulary). It answers gibberish, but loading, tokenising, generating and
 * embedding run through the real llama.cpp code, which is what the tests need.
 */
const EMBED = 64;
const LAYERS = 2;
const HEADS = 4;
const FEED_FORWARD = 128;
const ALIGNMENT = 32;

enum ValueType {
  U32 = 4,
  I32 = 5,
  F32 = 6,
  BOOL = 7,
  STRING = 8,
  ARRAY = 9,
}

type Value = { type: ValueType.U32 | ValueType.I32 | ValueType.F32; value: number } | { type: ValueType.BOOL; value: boolean } | { type: ValueType.STRING; value: string } | { type: ValueType.ARRAY; of: ValueType; values: (number | string)[] };

class Writer {
  readonly parts: Buffer[] = [];
  private scalar(size: number, write: (buffer: Buffer) => void): void {
    const buffer = Buffer.alloc(size);
    write(buffer);
    this.parts.push(buffer);
  }
  u32 = (value: number) => this.scalar(4, (b) => b.writeUInt32LE(value));
  i32 = (value: number) => this.scalar(4, (b) => b.writeInt32LE(value));
  u64 = (value: number) => this.scalar(8, (b) => b.writeBigUInt64LE(BigInt(value)));
  f32 = (value: number) => this.scalar(4, (b) => b.writeFloatLE(value));
  string = (value: string) => {
    const bytes = Buffer.from(value, 'utf8');
    this.u64(bytes.length);
    this.parts.push(bytes);
  };
  element(type: ValueType, value: number | string | boolean): void {
    if (type === ValueType.U32) this.u32(value as number);
    else if (type === ValueType.I32) this.i32(value as number);
    else if (type === ValueType.F32) this.f32(value as number);
    else if (type === ValueType.BOOL) this.parts.push(Buffer.from([value ? 1 : 0]));
    else this.string(value as string);
  }
  value(entry: Value): void {
    this.u32(entry.type);
    if (entry.type === ValueType.ARRAY) {
      this.u32(entry.of);
      this.u64(entry.values.length);
      for (const item of entry.values) this.element(entry.of, item);
    } else this.element(entry.type, entry.value);
  }
}

function vocabulary() {
  const words = 'der die das und ist nicht ein eine zu mit auf für von den im sie es wir ihr gut neu partei antrag stadt rat the and of to is'.split(' ');
  const tokens = ['<unk>', '<s>', '</s>'];
  const types = [2, 3, 3]; // 1 normal, 2 unknown, 3 control, 6 byte
  for (let byte = 0; byte < 256; byte++) {
    tokens.push(`<0x${byte.toString(16).toUpperCase().padStart(2, '0')}>`);
    types.push(6);
  }
  for (const word of ['▁', ...words.map((word) => `▁${word}`), ...'abcdefghijklmnopqrstuvwxyzäöüß'.split('')]) {
    tokens.push(word);
    types.push(1);
  }
  return { tokens, types, scores: tokens.map((_, index) => (index < 259 ? 0 : -index)) };
}

export function writeTinyGguf(file: string): void {
  const { tokens, types, scores } = vocabulary();
  const metadata: [string, Value][] = [
    ['general.architecture', { type: ValueType.STRING, value: 'llama' }],
    ['general.name', { type: ValueType.STRING, value: 'leitplanke-tiny-test-model' }],
    ['general.alignment', { type: ValueType.U32, value: ALIGNMENT }],
    ['llama.context_length', { type: ValueType.U32, value: 2048 }],
    ['llama.embedding_length', { type: ValueType.U32, value: EMBED }],
    ['llama.block_count', { type: ValueType.U32, value: LAYERS }],
    ['llama.feed_forward_length', { type: ValueType.U32, value: FEED_FORWARD }],
    ['llama.attention.head_count', { type: ValueType.U32, value: HEADS }],
    ['llama.attention.head_count_kv', { type: ValueType.U32, value: HEADS }],
    ['llama.rope.dimension_count', { type: ValueType.U32, value: EMBED / HEADS }],
    ['llama.attention.layer_norm_rms_epsilon', { type: ValueType.F32, value: 1e-5 }],
    ['llama.vocab_size', { type: ValueType.U32, value: tokens.length }],
    ['tokenizer.ggml.model', { type: ValueType.STRING, value: 'llama' }],
    ['tokenizer.ggml.tokens', { type: ValueType.ARRAY, of: ValueType.STRING, values: tokens }],
    ['tokenizer.ggml.scores', { type: ValueType.ARRAY, of: ValueType.F32, values: scores }],
    ['tokenizer.ggml.token_type', { type: ValueType.ARRAY, of: ValueType.I32, values: types }],
    ['tokenizer.ggml.bos_token_id', { type: ValueType.U32, value: 1 }],
    ['tokenizer.ggml.eos_token_id', { type: ValueType.U32, value: 2 }],
    ['tokenizer.ggml.unknown_token_id', { type: ValueType.U32, value: 0 }],
    ['tokenizer.ggml.add_bos_token', { type: ValueType.BOOL, value: true }],
  ];
  const tensors: [string, number[]][] = [['token_embd.weight', [EMBED, tokens.length]]];
  for (let layer = 0; layer < LAYERS; layer++) {
    const block = `blk.${layer}`;
    tensors.push(
      [`${block}.attn_norm.weight`, [EMBED]],
      [`${block}.attn_q.weight`, [EMBED, EMBED]],
      [`${block}.attn_k.weight`, [EMBED, EMBED]],
      [`${block}.attn_v.weight`, [EMBED, EMBED]],
      [`${block}.attn_output.weight`, [EMBED, EMBED]],
      [`${block}.ffn_norm.weight`, [EMBED]],
      [`${block}.ffn_gate.weight`, [EMBED, FEED_FORWARD]],
      [`${block}.ffn_up.weight`, [EMBED, FEED_FORWARD]],
      [`${block}.ffn_down.weight`, [FEED_FORWARD, EMBED]],
    );
  }
  tensors.push(['output_norm.weight', [EMBED]], ['output.weight', [EMBED, tokens.length]]);

  const header = new Writer();
  header.parts.push(Buffer.from('GGUF'));
  header.u32(3);
  header.u64(tensors.length);
  header.u64(metadata.length);
  for (const [key, value] of metadata) {
    header.string(key);
    header.value(value);
  }
  const pad = (size: number) => Math.ceil(size / ALIGNMENT) * ALIGNMENT;
  let seed = 42;
  const random = () => {
    seed = (seed * 1_103_515_245 + 12_345) & 0x7fffffff;
    return seed / 0x7fffffff - 0.5;
  };
  const data: Buffer[] = [];
  let offset = 0;
  for (const [name, dims] of tensors) {
    header.string(name);
    header.u32(dims.length);
    for (const dim of dims) header.u64(dim);
    header.u32(0); // F32
    header.u64(offset);
    const count = dims.reduce((product, dim) => product * dim, 1);
    // Norm weights 1, matrices small random values: stable enough to generate tokens.
    const weights = Float32Array.from({ length: count }, () => (dims.length === 1 ? 1 : random() * 0.2));
    const padded = Buffer.alloc(pad(count * 4));
    Buffer.from(weights.buffer).copy(padded);
    data.push(padded);
    offset += padded.length;
  }
  const head = Buffer.concat(header.parts);
  writeFileSync(file, Buffer.concat([head, Buffer.alloc(pad(head.length) - head.length), ...data]));
}
