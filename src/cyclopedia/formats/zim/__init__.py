"""Kiwix ZIM archives: read with libzim in an isolated child process, articles converted with
the rendered-MediaWiki-HTML converter (``formats/wikihtml``)."""
