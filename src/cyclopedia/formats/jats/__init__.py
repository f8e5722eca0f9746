"""The JATS reader: scientific articles in JATS / NLM XML (PubMed Central, PLOS, eLife)."""
