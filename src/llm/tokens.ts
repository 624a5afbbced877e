import { countTokens as count } from 'gpt-tokenizer';

/** A chat message as the prompt counts it. */
export interface TokenMessage {
  role: string;
  content: string;
}

/** Tokens of a text with the o200k encoding (GPT-4o's); other models' tokenizers differ by a few percent. */
export function countTokens(text: string): number {
  return text ? count(text) : 0;
}

/** Tokens a chat request costs as prompt: every message plus the few tokens of framing each carries. */
export function promptTokens(messages: readonly TokenMessage[], extra = ''): number {
  let n = 3;
  for (const m of messages) n += 4 + countTokens(m.content);
  return n + countTokens(extra);
}
