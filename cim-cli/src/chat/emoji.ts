/**
 * The emoji `cim chat` knows by `:shortcode:`. Every one is a single code point that terminals
 * draw two cells wide (no variation selectors, no joiners), so the table lines up everywhere.
 */

export interface Emoji {
  code: string;
  emoji: string;
}

export const EMOJI_PAGE_SIZE = 40;

const TABLE: readonly (readonly [code: string, emoji: string])[] = [
  // Faces
  ['smile', '😄'],
  ['grin', '😁'],
  ['joy', '😂'],
  ['rofl', '🤣'],
  ['smiley', '😃'],
  ['laughing', '😆'],
  ['sweat_smile', '😅'],
  ['wink', '😉'],
  ['blush', '😊'],
  ['innocent', '😇'],
  ['yum', '😋'],
  ['sunglasses', '😎'],
  ['heart_eyes', '😍'],
  ['kissing_heart', '😘'],
  ['star_struck', '🤩'],
  ['partying', '🥳'],
  ['hugs', '🤗'],
  ['thinking', '🤔'],
  ['shushing', '🤫'],
  ['zipper_mouth', '🤐'],
  ['neutral_face', '😐'],
  ['expressionless', '😑'],
  ['unamused', '😒'],
  ['roll_eyes', '🙄'],
  ['smirk', '😏'],
  ['upside_down', '🙃'],
  ['pensive', '😔'],
  ['confused', '😕'],
  ['pleading', '🥺'],
  ['astonished', '😲'],
  ['frowning', '😦'],
  ['cry', '😢'],
  ['sob', '😭'],
  ['scream', '😱'],
  ['angry', '😠'],
  ['rage', '😡'],
  ['sleeping', '😴'],
  ['yawning', '🥱'],
  ['mask', '😷'],
  ['nerd', '🤓'],
  // Hands, hearts, celebration
  ['thumbsup', '👍'],
  ['thumbsdown', '👎'],
  ['ok_hand', '👌'],
  ['clap', '👏'],
  ['wave', '👋'],
  ['pray', '🙏'],
  ['muscle', '💪'],
  ['raised_hands', '🙌'],
  ['handshake', '🤝'],
  ['crossed_fingers', '🤞'],
  ['point_up', '👆'],
  ['point_down', '👇'],
  ['point_left', '👈'],
  ['point_right', '👉'],
  ['fist', '👊'],
  ['eyes', '👀'],
  ['brain', '🧠'],
  ['see_no_evil', '🙈'],
  ['hear_no_evil', '🙉'],
  ['speak_no_evil', '🙊'],
  ['blue_heart', '💙'],
  ['green_heart', '💚'],
  ['yellow_heart', '💛'],
  ['purple_heart', '💜'],
  ['orange_heart', '🧡'],
  ['black_heart', '🖤'],
  ['broken_heart', '💔'],
  ['two_hearts', '💕'],
  ['sparkling_heart', '💖'],
  ['100', '💯'],
  ['fire', '🔥'],
  ['sparkles', '✨'],
  ['star', '⭐'],
  ['tada', '🎉'],
  ['birthday', '🎂'],
  ['gift', '🎁'],
  ['trophy', '🏆'],
  ['rocket', '🚀'],
  ['bulb', '💡'],
  ['poop', '💩'],
  // Food, animals, weather, things
  ['coffee', '☕'],
  ['beer', '🍺'],
  ['beers', '🍻'],
  ['pizza', '🍕'],
  ['hamburger', '🍔'],
  ['cake', '🍰'],
  ['apple', '🍎'],
  ['banana', '🍌'],
  ['cat', '🐱'],
  ['dog', '🐶'],
  ['rabbit', '🐰'],
  ['fox', '🦊'],
  ['bear', '🐻'],
  ['panda', '🐼'],
  ['penguin', '🐧'],
  ['unicorn', '🦄'],
  ['bee', '🐝'],
  ['bug', '🐛'],
  ['turtle', '🐢'],
  ['octopus', '🐙'],
  ['whale', '🐳'],
  ['sun_with_face', '🌞'],
  ['rainbow', '🌈'],
  ['zap', '⚡'],
  ['umbrella', '☔'],
  ['moon', '🌙'],
  ['earth', '🌍'],
  ['computer', '💻'],
  ['phone', '📱'],
  ['email', '📧'],
  ['lock', '🔒'],
  ['key', '🔑'],
  ['bell', '🔔'],
  ['hourglass', '⌛'],
  ['alarm_clock', '⏰'],
  ['white_check_mark', '✅'],
  ['x', '❌'],
  ['question', '❓'],
  ['exclamation', '❗'],
  ['ghost', '👻'],
];

export const EMOJI: readonly Emoji[] = TABLE.map(([code, emoji]) => ({ code, emoji }));

export const EMOJI_PAGES = Math.ceil(EMOJI.length / EMOJI_PAGE_SIZE);

const BY_CODE = new Map(EMOJI.map((e) => [e.code, e.emoji]));

/** The emoji of page `page` (from 1); empty past the last page. */
export function emojiPage(page: number): readonly Emoji[] {
  return EMOJI.slice((page - 1) * EMOJI_PAGE_SIZE, page * EMOJI_PAGE_SIZE);
}

/** Replaces every known `:code:` by its emoji; anything else between colons stays as typed. */
export function expandShortcodes(text: string): string {
  return text.replace(/:([a-z0-9_+-]+):/g, (written, code: string) => BY_CODE.get(code) ?? written);
}
