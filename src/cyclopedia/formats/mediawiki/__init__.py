"""MediaWiki: URLs of wiki pages (dump and wikitext readers come with the MediaWiki issue)."""
