"""The NinjaAPI: /api/v1/..., its schema at /api/v1/openapi.json and docs at /api/docs.

Every successful read carries an ETag (a hash of its body) and answers a matching
If-None-Match with 304; every response says the caller's rate-limit state."""

from __future__ import annotations

import hashlib
import json
from typing import Any

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils.cache import get_conditional_response, patch_cache_control, patch_vary_headers
from ninja import NinjaAPI
from ninja.openapi.docs import DocsBase
from ninja.renderers import JSONRenderer

from cyclopedia import __version__
from cyclopedia.apps.api.auth import caller_of, rate_headers
from cyclopedia.apps.api.errors import install_handlers
from cyclopedia.apps.api.routers import articles, catalogue, search, submissions

DESCRIPTION = """\
Published articles of this encyclopedia with their attribution and licence, their history,
search, categories, sources, infobox facts, and contributions for review.

Reads need no token. Send `Authorization: Bearer <token>` (tokens are made on your profile
page) to see your own submissions (read scope) or to propose and review (write scope).
Errors are JSON: `{"error": "..."}`. See docs/api.md.
"""


class LocalSwagger(DocsBase):
    """Swagger UI from this site's own static files (ninja ships them), under the site's
    Content-Security-Policy: no external or inline script or style."""

    def render_page(self, request: HttpRequest, api: NinjaAPI, **kwargs: Any) -> HttpResponse:
        schema_url = self.get_openapi_url(api, kwargs)
        settings = {"url": schema_url, "layout": "BaseLayout", "deepLinking": True}
        context = {"api": api, "swagger_settings": json.dumps(settings), "openapi_url": schema_url}
        return render(request, "api/docs.html", context)


class Renderer(JSONRenderer):
    json_dumps_params = {"ensure_ascii": False}  # noqa: RUF012 (ninja's own class attribute)


class CyclopediaAPI(NinjaAPI):
    def get_content_type(self) -> str:
        return "application/json"  # UTF-8 by definition: RFC 8259 defines no charset

    def create_response(
        self,
        request: HttpRequest,
        data: Any,
        *,
        status: int | None = None,
        temporal_response: HttpResponse | None = None,
    ) -> HttpResponse:
        response = super().create_response(
            request, data, status=status, temporal_response=temporal_response
        )
        for name, value in rate_headers(request).items():
            response[name] = value
        patch_vary_headers(response, ["Authorization"])
        if request.method not in ("GET", "HEAD") or response.status_code != 200:
            patch_cache_control(response, no_store=True)
            return response
        if caller_of(request).user is None:
            patch_cache_control(response, public=True, max_age=60)
        else:
            patch_cache_control(response, private=True, no_cache=True)
        digest = hashlib.sha256(response.content).hexdigest()[:32]
        response["ETag"] = f'"{digest}-{__version__}"'
        return get_conditional_response(request, etag=response["ETag"], response=response) or (
            response
        )


api = CyclopediaAPI(
    title="Cyclopedia API",
    version="1",
    description=DESCRIPTION,
    urls_namespace="api-v1",
    openapi_url="/v1/openapi.json",
    docs_url="/docs",
    docs=LocalSwagger(),
    renderer=Renderer(),
)
install_handlers(api)
for module in (articles, search, catalogue, submissions):
    api.add_router("/v1/", module.router)
