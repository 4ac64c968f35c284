import type { ChatMessage } from '@cim/common';
import { describe, expect, it } from 'vitest';
import { conversationPage, type IndexedMessage } from './conversation-page.js';

const message = (seq: number) => ({ seq: String(seq), msgId: `m${seq}` }) as ChatMessage;
const kept = (...seqs: number[]): IndexedMessage[] => seqs.map((seq) => ({ seq, message: message(seq) }));
const gone = (seq: number): IndexedMessage => ({ seq, message: null });
const seqsOf = (page: { messages: ChatMessage[] }) => page.messages.map((m) => m.seq);

describe('a forward page of a conversation', () => {
  it('is the kept messages after the seq, contiguous, at most the limit', () => {
    const page = conversationPage(2, 2, { entries: kept(3, 4, 5), latestSeq: 5, oldestIndexedSeq: 1 });
    expect(page).toEqual({ messages: [message(3), message(4)], expired: false });
  });

  it('ends before a gap further on, which the next page then reports', () => {
    const read = { entries: [...kept(3, 4), gone(5), ...kept(6)], latestSeq: 6, oldestIndexedSeq: 1 };
    expect(seqsOf(conversationPage(2, 10, read))).toEqual(['3', '4']);
    const next = conversationPage(4, 10, { ...read, entries: [gone(5), ...kept(6)] });
    expect(next).toEqual({ messages: [message(6)], expired: true });
  });

  it('is expired when the messages right after the seq were trimmed from the index, and starts at the oldest kept', () => {
    expect(conversationPage(1, 10, { entries: kept(4, 5), latestSeq: 5, oldestIndexedSeq: 4 })).toEqual({
      messages: [message(4), message(5)],
      expired: true,
    });
    expect(conversationPage(1, 10, { entries: [], latestSeq: 5, oldestIndexedSeq: null })).toEqual({
      messages: [],
      expired: true,
    });
  });

  it('waits, without saying expired, for a message given its seq but not indexed yet while older ones are', () => {
    expect(conversationPage(3, 10, { entries: kept(5), latestSeq: 5, oldestIndexedSeq: 1 })).toEqual({
      messages: [],
      expired: false,
    });
  });

  it('is empty and not expired at or past the latest seq', () => {
    expect(conversationPage(5, 10, { entries: [], latestSeq: 5, oldestIndexedSeq: 1 })).toEqual({
      messages: [],
      expired: false,
    });
  });
});
