/** Word classes the tagger uses as features. All entries lower case, without a trailing dot. */

function words(list: string): ReadonlySet<string> {
  return new Set(list.split(" "));
}

export const TITLE_WORDS = words(
  "president vice general gen lieutenant lt colonel col major maj captain capt corporal cpl sergeant " +
    "sgt brigadier brig admiral adm marshal field commander comrade minister premier secretary ambassador " +
    "consul governor senator deputy chairman chief mr mrs ms miss dr prof professor sir lord lady sheikh " +
    "shaikh sheik sayyid sayid imam ayatollah mullah king queen prince princess emir amir sultan shah " +
    "pasha bey effendi caliph pope bishop father saint st rev judge justice spokesman spokeswoman leader " +
    "director envoy mayor crown",
);

/** Particles inside Arabic names: al-/el- prefixes and the separate words Abd, Abu, ibn, bin, bint. */
export const NAME_PARTICLES = words("al el as ash ad ar az an at abd abdul abdel abu ibn bin bint ben umm abi");

export const ORG_HEAD_WORDS = words(
  "party committee army guard militia movement front union agency brigade brigades division council " +
    "command ministry radio corps regiment battalion force forces organization organisation association " +
    "company corporation inc ltd bank university college institute school club league federation " +
    "government assembly parliament congress senate court office department bureau service group society " +
    "church network news press times post team band records nations coalition",
);

export const LOCATION_CUE_WORDS = words(
  "in at near from to into province city town village river district region governorate capital border " +
    "north south east west northern southern eastern western",
);

/** Strips a trailing abbreviation dot so "Brig." and "Brig" match the same list entry. */
export function bareLower(token: string): string {
  const lower = token.toLowerCase();
  return lower.length > 1 && lower.endsWith(".") ? lower.slice(0, -1) : lower;
}

/** The particle a token starts with when written joined by a hyphen ("al-Karim" → "al"), if any. */
export function joinedParticle(lower: string): string | undefined {
  const dash = lower.indexOf("-");
  if (dash <= 0 || dash === lower.length - 1) return undefined;
  const head = lower.slice(0, dash);
  return NAME_PARTICLES.has(head) ? head : undefined;
}

const enum Kind {
  Upper = 88, // "X"
  Lower = 120, // "x"
  Digit = 100, // "d"
}

function kindOf(code: number, char: string): number {
  if (code >= 97 && code <= 122) return Kind.Lower;
  if (code >= 65 && code <= 90) return Kind.Upper;
  if (code >= 48 && code <= 57) return Kind.Digit;
  if (code < 128) return code;
  if (char !== char.toLowerCase()) return Kind.Upper;
  return char !== char.toUpperCase() ? Kind.Lower : code;
}

/**
 * Word shape: upper → X, lower → x, digit → d, other characters kept, runs longer than two
 * collapsed ("Baghdad" → "Xxx", "al-Karim" → "xx-Xxx", "1958" → "dd", "U.S." → "X.X.").
 */
export function wordShape(token: string): string {
  let shape = "";
  let last = -1;
  let run = 0;
  for (let i = 0; i < token.length; i++) {
    const code = token.charCodeAt(i);
    const kind = kindOf(code, token[i]!);
    if (kind === last) {
      if (++run > 2) continue;
    } else {
      last = kind;
      run = 1;
    }
    shape += String.fromCharCode(kind);
  }
  return shape;
}

const APOSTROPHE_OR_HYPHEN = new Set([39, 45, 0x2019]);

/** Coarse class of a token: X, Xxxx, XXXX, xxxx, dd, punct or mixed. */
export function shapeClass(token: string): string {
  let upper = 0;
  let lower = 0;
  let digit = 0;
  let other = 0;
  let joiner = 0;
  for (let i = 0; i < token.length; i++) {
    const kind = kindOf(token.charCodeAt(i), token[i]!);
    if (kind === Kind.Upper) upper++;
    else if (kind === Kind.Lower) lower++;
    else if (kind === Kind.Digit) digit++;
    else if (APOSTROPHE_OR_HYPHEN.has(kind)) joiner++;
    else other++;
  }
  const first = kindOf(token.charCodeAt(0), token.charAt(0));
  if (upper + lower + digit === 0) return "punct";
  if (digit > 0) return upper + lower === 0 ? "dd" : "mixed";
  if (first === Kind.Upper && upper === 1 && other === 0) return lower === 0 && joiner === 0 ? "X" : "Xxxx";
  if (first === Kind.Upper && lower === 0) return "XXXX";
  if (first === Kind.Lower && upper === 0 && other === 0) return "xxxx";
  return "mixed";
}

export function isCapitalised(token: string): boolean {
  const first = token.charAt(0);
  return first !== first.toLowerCase();
}
