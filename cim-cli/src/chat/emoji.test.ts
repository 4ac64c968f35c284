import { describe, expect, it } from 'vitest';
import { EMOJI, EMOJI_PAGE_SIZE, EMOJI_PAGES, emojiPage, expandShortcodes } from './emoji.js';

describe('emoji', () => {
  it('has distinct codes of the characters a shortcode may hold', () => {
    const codes = EMOJI.map((e) => e.code);
    expect(new Set(codes).size).toBe(codes.length);
    for (const code of codes) expect(code).toMatch(/^[a-z0-9_+-]+$/);
  });

  it('holds only single code points, which terminals draw two cells wide', () => {
    for (const { emoji } of EMOJI) expect([...emoji]).toHaveLength(1);
  });

  it('pages the table, the last page holding the rest', () => {
    expect(emojiPage(1)).toHaveLength(EMOJI_PAGE_SIZE);
    expect(emojiPage(1)[0]).toEqual({ code: 'smile', emoji: '😄' });
    expect(emojiPage(EMOJI_PAGES).length).toBe(EMOJI.length - (EMOJI_PAGES - 1) * EMOJI_PAGE_SIZE);
    expect(emojiPage(EMOJI_PAGES + 1)).toEqual([]);
    expect(EMOJI_PAGES).toBeGreaterThan(1);
  });

  it('replaces known shortcodes and leaves the rest as typed', () => {
    expect(expandShortcodes(':smile::smile: :+1: :fire:!')).toBe('😄😄 :+1: 🔥!');
    expect(expandShortcodes('time 12:30:45, :Smile:, ::')).toBe('time 12:30:45, :Smile:, ::');
  });
});
