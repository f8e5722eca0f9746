"""Whether a web page comes from the US federal government, whose works are public domain.

17 U.S.C. §105: copyright protection is not available for works of the United States
Government, that is, works prepared by federal officers and employees as part of their
duties. It does not cover state and local governments (which also use ``.gov``: ca.gov,
nyc.gov; and ``*.state.xx.us``), works of contractors and grantees, or third-party material on
federal sites, which may be protected.

So: every ``.mil`` and ``.fed.us`` host is federal, and a ``.gov`` host is federal only when
its registered domain is on the list below of well-known federal domains (agencies,
departments, branches). Any other ``.gov`` domain is not taken as federal: its pages wait for
an editor, who can confirm the licence. The complete list of federal ``.gov`` domains is
published by CISA (github.com/cisagov/dotgov-data, ``current-federal.csv``); this one is
deliberately conservative, since wrongly calling a page public domain publishes someone's
copyrighted text, while missing one only holds it for an editor.
"""

from __future__ import annotations

from dataclasses import dataclass

FEDERAL_CAVEAT = (
    "17 U.S.C. §105 places works of US federal employees, made as part of their duties, in the "
    "public domain; material by contractors, grantees or third parties on the site may still "
    "be protected"
)

# Registered .gov domains of federal agencies, departments and branches.
FEDERAL_DOTGOV = frozenset(
    """
    18f.gov acf.gov ahrq.gov americorps.gov aoc.gov archives.gov atf.gov bea.gov benefits.gov
    bia.gov bis.gov bja.gov bjs.gov blm.gov bls.gov boem.gov bop.gov bsee.gov bts.gov cbo.gov
    cbp.gov cdc.gov census.gov cftc.gov cia.gov cisa.gov climate.gov cms.gov commerce.gov
    congress.gov consumerfinance.gov copyright.gov cpsc.gov data.gov dea.gov defense.gov dhs.gov
    digital.gov dni.gov doc.gov doe.gov doi.gov dol.gov doleta.gov dot.gov drought.gov ed.gov
    eia.gov energy.gov energystar.gov epa.gov faa.gov fbi.gov fcc.gov fda.gov fdic.gov fec.gov
    federalregister.gov federalreserve.gov fema.gov ferc.gov fhfa.gov fincen.gov fjc.gov foia.gov
    fpds.gov ftc.gov fws.gov gao.gov genome.gov globalchange.gov gpo.gov govinfo.gov grants.gov
    gsa.gov hhs.gov house.gov hrsa.gov hud.gov huduser.gov ice.gov ihs.gov invasivespecies.gov
    irs.gov justice.gov loc.gov medicaid.gov medicare.gov medlineplus.gov mspb.gov nasa.gov
    nationalmap.gov nationalservice.gov ncjrs.gov ncua.gov nea.gov neh.gov nhtsa.gov nih.gov
    nij.gov nist.gov nlm.gov nlrb.gov noaa.gov nps.gov nrc.gov nsa.gov nsf.gov ntia.gov ntis.gov
    ntsb.gov nwcg.gov ojjdp.gov ojp.gov opm.gov osha.gov osti.gov ovc.gov pbgc.gov rrb.gov sba.gov
    sec.gov secretservice.gov senate.gov ssa.gov state.gov stopbullying.gov supremecourt.gov
    surgeongeneral.gov transportation.gov treasury.gov tsa.gov ttb.gov usa.gov usaid.gov usbr.gov
    uscis.gov uscourts.gov usda.gov usdoj.gov usds.gov usgs.gov usitc.gov uspto.gov ustr.gov
    va.gov vote.gov weather.gov whitehouse.gov
    """.split()  # noqa: SIM905 (a list of words reads as one)
)
# Hosts under a federal domain whose pages are written by a contractor, not by federal staff.
CONTRACTOR_HOSTS = frozenset({"jpl.nasa.gov"})


@dataclass(frozen=True, slots=True)
class Government:
    federal: bool
    note: str  # why, for the licence evidence


def _registered(host: str, suffix: str) -> str:
    """``name.gov`` of ``www.agency.name.gov``."""
    labels = host.removesuffix(suffix).split(".")
    return f"{labels[-1]}{suffix}"


def classify(host: str) -> Government | None:
    """What a host says about the government it belongs to; None for other hosts."""
    host = host.lower().rstrip(".")
    if host.endswith(".mil") or host == "mil":
        return Government(True, f"{host} is a US military (.mil) host, a federal domain")
    if host.endswith(".fed.us"):
        return Government(True, f"{host} is under fed.us, a US federal domain")
    if host.endswith(".gov") and host != "gov":
        registered = _registered(host, ".gov")
        contractor = next((h for h in CONTRACTOR_HOSTS if f".{host}".endswith(f".{h}")), None)
        if contractor:
            return Government(
                False, f"{contractor} is run by a contractor for a federal agency, not by it"
            )
        if registered in FEDERAL_DOTGOV:
            return Government(True, f"{registered} is a US federal government domain")
        return Government(
            False,
            f"{registered} is a .gov domain not known here as federal (state and local "
            "governments use .gov too, and their works are not in the public domain)",
        )
    if host.endswith(".us") and ".state." in f".{host}":
        return Government(False, f"{host} is a US state government host, not federal")
    return None
