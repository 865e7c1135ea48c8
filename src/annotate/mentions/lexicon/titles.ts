/** Titles, ranks and offices written before a name ("Corporal Hasan Sari", "Prime Minister al-Bakr"). */
const MULTI_WORD_TITLES = [
  "Brigadier General",
  "Brigade General",
  "Major General",
  "Lieutenant General",
  "Lieutenant Colonel",
  "Lieutenant Commander",
  "Rear Admiral",
  "Vice Admiral",
  "Field Marshal",
  "Air Marshal",
  "Staff Brigadier",
  "Staff Colonel",
  "Staff Major",
  "Prime Minister",
  "Deputy Prime Minister",
  "Foreign Minister",
  "Defense Minister",
  "Defence Minister",
  "Interior Minister",
  "Vice President",
  "Secretary General",
  "Secretary-General",
  "Secretary of State",
  "Under Secretary",
  "Assistant Secretary",
  "Crown Prince",
  "Grand Mufti",
  "Chief of Staff",
  "Deputy Chief of Staff",
  "First Secretary",
  "General Secretary",
];

const SINGLE_WORD_TITLES =
  "President Premier Minister Secretary Chairman Ambassador Consul Governor Senator Deputy Chancellor " +
  "General Gen Brigadier Brig Colonel Col Major Maj Captain Capt Lieutenant Lt Corporal Cpl Sergeant Sgt " +
  "Private Pte Admiral Adm Marshal Commander Comrade Mr Mrs Ms Miss Dr Prof Professor Sir Lord Lady Dame " +
  "Sheikh Shaikh Sheik Sayyid Sayid Imam Ayatollah Mullah Mufti King Queen Prince Princess Emir Amir Sultan " +
  "Shah Pasha Bey Effendi Caliph Pope Bishop Archbishop Patriarch Father Rev Reverend Judge Justice Mayor " +
  "Senator Representative Congressman Chief Director Envoy Mirza Sheriff Inspector Detective Officer Chancellor";

/** Titles that also read well in lower case before a capitalised name ("Iraqi president Abdul Salam Arif"). */
export const LOWER_CASE_TITLES: ReadonlySet<string> = new Set([
  "president",
  "prime minister",
  "general",
  "colonel",
  "brigadier",
  "brigadier general",
  "major general",
  "captain",
  "corporal",
  "sergeant",
  "lieutenant",
  "comrade",
  "king",
  "premier",
  "minister",
  "foreign minister",
  "defence minister",
  "defense minister",
  "interior minister",
  "ambassador",
  "secretary",
  "secretary general",
  "leader",
  "sheikh",
]);

export const TITLES: readonly string[] = [...MULTI_WORD_TITLES, ...SINGLE_WORD_TITLES.split(" ")].sort(
  (a, b) => b.length - a.length,
);

const TITLE_SET = new Set(TITLES.map((title) => title.toLowerCase()));

export function isTitle(words: string): boolean {
  return TITLE_SET.has(words.toLowerCase().replace(/\.$/, ""));
}

export function titleAllowedInLowerCase(title: string): boolean {
  return LOWER_CASE_TITLES.has(title.toLowerCase());
}

/**
 * Given names common in Arabic, Persian, Turkish and Kurdish names, as written in English: a
 * capitalised sequence starting with one of them is a person ("Saeed Hamo", "Younis Atar Bashi").
 */
export const GIVEN_NAMES: ReadonlySet<string> = new Set(
  (
    "abbas abd abdallah abdel abdul abdulla abdullah abdulrahman adel adib adil adnan ahmad ahmed ahmet akram " +
    "ali amer amin amir anwar aref arif asad assad atta ayad ayman aziz badr bakr basil bashar bashir bassam " +
    "fadhil fadil fahd faisal faleh farid faruq farouk fathi fawzi fayez fuad gamal ghazi habib hafez hafiz " +
    "haidar haider hakim hamad hamid hamza hani harun hasan hashim hassan hatem hazem hazim hikmat hisham " +
    "hussain hussein husayn ibrahim ihsan ismail issa izzat jabbar jafar jalal jamal jamil jassim jawad " +
    "kamal kamil karim kassem khaled khaleel khalid khalil latif mahdi mahmoud mahmud majid malik mansour " +
    "marwan mohamed mohammad mohammed muhammad muhammed munir murad mustafa mustapha nadim naji najib nasir " +
    "nasser nazim nizar nur nuri nouri omar osman qasim rafiq rahman rajab ramadan rashid rashad riad riyad " +
    "saad sabri saddam sadiq saeed safa said salah saleh salem salih salim sami samir sayid shakir shawkat " +
    "sulayman suleiman sultan tahir taha talal tariq tawfiq thamir umar uthman wadih walid yasin yassin " +
    "younis yunis yunus yusuf youssef zaid zakaria zaki ziad zuhair"
  ).split(" "),
);

/** Particles inside Arabic names, as separate words. */
export const NAME_PARTICLE_WORDS: ReadonlySet<string> = new Set(
  "abd abdul abdel abu umm ibn bin bint al el".split(" "),
);
