/**
 * Places countries-list and GeoNames' cities leave out: historical states, common and official
 * country names, regions, rivers and seas. Each entry: canonical name, then the other names.
 */
export const EXTRA_COUNTRIES: readonly (readonly string[])[] = [
  ["Soviet Union", "USSR", "U.S.S.R.", "Union of Soviet Socialist Republics"],
  ["United Arab Republic", "UAR", "U.A.R."],
  ["United States", "United States of America", "USA", "U.S.A.", "U.S.", "US", "America"],
  ["United Kingdom", "UK", "U.K.", "Great Britain", "Britain"],
  ["Iraq", "Republic of Iraq", "Iraqi Republic", "Kingdom of Iraq"],
  ["Syria", "Syrian Arab Republic", "Syrian Republic"],
  ["Egypt", "Arab Republic of Egypt", "Kingdom of Egypt"],
  ["Jordan", "Hashemite Kingdom of Jordan", "Transjordan", "Trans-Jordan"],
  ["Turkey", "Türkiye", "Republic of Turkey"],
  ["Iran", "Persia", "Islamic Republic of Iran"],
  ["Ottoman Empire"],
  ["Czechoslovakia"],
  ["Yugoslavia"],
  ["East Germany", "German Democratic Republic", "GDR"],
  ["West Germany", "Federal Republic of Germany", "FRG"],
  ["Burma"],
  ["Ceylon"],
  ["Siam"],
  ["Rhodesia"],
  ["Zaire"],
  ["Palestine", "Mandatory Palestine", "State of Palestine"],
  ["Czech Republic", "Czechia"],
  ["Russia", "Russian Federation"],
  ["China", "People's Republic of China", "PRC"],
  ["Taiwan", "Republic of China"],
  ["North Korea", "Democratic People's Republic of Korea", "DPRK"],
  ["South Korea", "Republic of Korea"],
  ["Vietnam", "North Vietnam", "South Vietnam"],
  ["Netherlands", "Holland"],
  ["Ivory Coast", "Côte d'Ivoire"],
  ["Eswatini", "Swaziland"],
  ["North Macedonia", "Macedonia"],
  ["Democratic Republic of the Congo", "DRC", "Congo"],
  ["England"],
  ["Scotland"],
  ["Wales"],
  ["Northern Ireland"],
  ["Kurdistan", "Iraqi Kurdistan"],
  ["Aden"],
  ["Trucial States"],
];

export const EXTRA_REGIONS: readonly (readonly string[])[] = [
  ["Middle East", "Near East"],
  ["Middle Euphrates"],
  ["Euphrates"],
  ["Tigris"],
  ["Levant"],
  ["Mesopotamia"],
  ["Maghreb"],
  ["Arabian Peninsula", "Arabia"],
  ["Persian Gulf", "Arabian Gulf"],
  ["Gulf of Aqaba"],
  ["Red Sea"],
  ["Mediterranean", "Mediterranean Sea"],
  ["Black Sea"],
  ["Caspian Sea"],
  ["Suez Canal"],
  ["Sinai", "Sinai Peninsula"],
  ["Gaza Strip", "Gaza"],
  ["West Bank"],
  ["Golan Heights", "Golan"],
  ["Shatt al-Arab"],
  ["Nile"],
  ["Jordan River", "River Jordan"],
  ["Orontes"],
  ["Jazira", "Jezira"],
  ["Hauran", "Houran"],
  ["Hejaz", "Hijaz"],
  ["Anbar"],
  ["Sahara"],
  ["Balkans"],
  ["Caucasus"],
  ["Scandinavia"],
  ["Siberia"],
  ["Eastern Europe"],
  ["Western Europe"],
  ["Central Asia"],
  ["Southeast Asia"],
  ["North Africa"],
  ["Latin America"],
  ["Horn of Africa"],
  ["Atlantic", "Atlantic Ocean"],
  ["Pacific", "Pacific Ocean"],
  ["Indian Ocean"],
];

/** First-level divisions that English text names without their country. */
const STATES =
  "Alabama|Alaska|Arizona|Arkansas|California|Colorado|Connecticut|Delaware|Florida|Georgia|Hawaii|Idaho|" +
  "Illinois|Indiana|Iowa|Kansas|Kentucky|Louisiana|Maine|Maryland|Massachusetts|Michigan|Minnesota|" +
  "Mississippi|Missouri|Montana|Nebraska|Nevada|New Hampshire|New Jersey|New Mexico|New York State|" +
  "North Carolina|North Dakota|Ohio|Oklahoma|Oregon|Pennsylvania|Rhode Island|South Carolina|South Dakota|" +
  "Tennessee|Texas|Utah|Vermont|Virginia|Washington State|West Virginia|Wisconsin|Wyoming|" +
  "Ontario|Quebec|British Columbia|Alberta|Manitoba|Saskatchewan|Nova Scotia|New Brunswick|Newfoundland|" +
  "New South Wales|Queensland|Tasmania|Victoria State|Western Australia|South Australia|" +
  "Anbar|Nineveh|Ninawa|Diyala|Salahuddin|Saladin Governorate|Dhi Qar|Maysan|Muthanna|Qadisiyyah|Wasit|" +
  "Babil|Karbala Governorate|Najaf Governorate|Dohuk|Duhok|Erbil Governorate|Sulaymaniyah Governorate|" +
  "Deir ez-Zor Governorate|Raqqa Governorate|Idlib Governorate|Hasakah|Al-Hasakah Governorate|Daraa Governorate|" +
  "Quneitra|Latakia Governorate|Tartus Governorate|Rif Dimashq";

export const EXTRA_STATES: readonly (readonly string[])[] = STATES.split("|").map((name) => [name]);
