"""Countries by the three-letter codes that flag and sports templates take ({{ru|SCO}},
{{flagcountry|FRA}}, {{USA}})."""

from __future__ import annotations

COUNTRY_CODES = {
    "ARG": "Argentina", "AUS": "Australia", "AUT": "Austria", "BEL": "Belgium",
    "BRA": "Brazil", "CAN": "Canada", "CHI": "Chile", "CHN": "China", "CZE": "Czech Republic",
    "DEN": "Denmark", "ENG": "England", "ESP": "Spain", "FIJ": "Fiji", "FIN": "Finland",
    "FRA": "France", "GEO": "Georgia", "GER": "Germany", "DEU": "Germany", "GRE": "Greece",
    "HUN": "Hungary", "IND": "India", "IRE": "Ireland", "IRL": "Ireland", "ISL": "Iceland",
    "ITA": "Italy", "JPN": "Japan", "KOR": "South Korea", "MEX": "Mexico",
    "NAM": "Namibia", "NED": "Netherlands", "NOR": "Norway", "NZL": "New Zealand",
    "POL": "Poland", "POR": "Portugal", "ROM": "Romania", "ROU": "Romania", "RSA": "South Africa",
    "RUS": "Russia", "SAM": "Samoa", "SCO": "Scotland", "SUI": "Switzerland", "SWE": "Sweden",
    "TGA": "Tonga", "TON": "Tonga", "TUR": "Turkey", "UKR": "Ukraine", "URU": "Uruguay",
    "USA": "United States", "WAL": "Wales",
}  # fmt: skip
