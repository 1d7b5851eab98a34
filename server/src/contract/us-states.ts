/** US states, the District of Columbia and territories, keyed by the `us_xx` code agencies store. */
export const US_STATES: Readonly<Record<string, string>> = {
  us_al: 'Alabama',
  us_ak: 'Alaska',
  us_az: 'Arizona',
  us_ar: 'Arkansas',
  us_ca: 'California',
  us_co: 'Colorado',
  us_ct: 'Connecticut',
  us_de: 'Delaware',
  us_dc: 'District of Columbia',
  us_fl: 'Florida',
  us_ga: 'Georgia',
  us_hi: 'Hawaii',
  us_id: 'Idaho',
  us_il: 'Illinois',
  us_in: 'Indiana',
  us_ia: 'Iowa',
  us_ks: 'Kansas',
  us_ky: 'Kentucky',
  us_la: 'Louisiana',
  us_me: 'Maine',
  us_md: 'Maryland',
  us_ma: 'Massachusetts',
  us_mi: 'Michigan',
  us_mn: 'Minnesota',
  us_ms: 'Mississippi',
  us_mo: 'Missouri',
  us_mt: 'Montana',
  us_ne: 'Nebraska',
  us_nv: 'Nevada',
  us_nh: 'New Hampshire',
  us_nj: 'New Jersey',
  us_nm: 'New Mexico',
  us_ny: 'New York',
  us_nc: 'North Carolina',
  us_nd: 'North Dakota',
  us_oh: 'Ohio',
  us_ok: 'Oklahoma',
  us_or: 'Oregon',
  us_pa: 'Pennsylvania',
  us_ri: 'Rhode Island',
  us_sc: 'South Carolina',
  us_sd: 'South Dakota',
  us_tn: 'Tennessee',
  us_tx: 'Texas',
  us_ut: 'Utah',
  us_vt: 'Vermont',
  us_va: 'Virginia',
  us_wa: 'Washington',
  us_wv: 'West Virginia',
  us_wi: 'Wisconsin',
  us_wy: 'Wyoming',
  us_as: 'American Samoa',
  us_gu: 'Guam',
  us_mp: 'Northern Mariana Islands',
  us_pr: 'Puerto Rico',
  us_vi: 'U.S. Virgin Islands',
};

export function isUsStateCode(code: string): boolean {
  return Object.hasOwn(US_STATES, code);
}

/** Two-digit FIPS codes of the states and territories, for Census GEOIDs (`0400000US06`). */
// prettier-ignore
const STATE_FIPS: Readonly<Record<string, string>> = {
  us_al: '01', us_ak: '02', us_az: '04', us_ar: '05', us_ca: '06', us_co: '08', us_ct: '09', us_de: '10',
  us_dc: '11', us_fl: '12', us_ga: '13', us_hi: '15', us_id: '16', us_il: '17', us_in: '18', us_ia: '19',
  us_ks: '20', us_ky: '21', us_la: '22', us_me: '23', us_md: '24', us_ma: '25', us_mi: '26', us_mn: '27',
  us_ms: '28', us_mo: '29', us_mt: '30', us_ne: '31', us_nv: '32', us_nh: '33', us_nj: '34', us_nm: '35',
  us_ny: '36', us_nc: '37', us_nd: '38', us_oh: '39', us_ok: '40', us_or: '41', us_pa: '42', us_ri: '44',
  us_sc: '45', us_sd: '46', us_tn: '47', us_tx: '48', us_ut: '49', us_vt: '50', us_va: '51', us_wa: '53',
  us_wv: '54', us_wi: '55', us_wy: '56', us_as: '60', us_gu: '66', us_mp: '69', us_pr: '72', us_vi: '78',
};

/** The state's two-digit FIPS code, e.g. `06` for us_ca; null for an unknown code. */
export function stateFips(code: string | null): string | null {
  return (code ? STATE_FIPS[code.toLowerCase()] : undefined) ?? null;
}

/** The state's Census GEOID, e.g. `0400000US06` for us_ca; null for an unknown code. */
export function stateGeoid(code: string | null): string | null {
  const fips = stateFips(code);
  return fips ? `0400000US${fips}` : null;
}
