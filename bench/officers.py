"""Simulated officers for the load and fault tests: real sign-in, real forms, over HTTP.

Each officer keeps one keep-alive connection and its own cookies (the session and CSRF
cookies are Secure in production settings, so they are handled here rather than by a
cookie jar that would not send them over plain HTTP on loopback).
"""

import http.client
import random
import re
import time
import uuid
from dataclasses import dataclass, field
from urllib.parse import urlencode

TOKEN = re.compile(r'name="csrfmiddlewaretoken" value="([^"]+)"')
VERSION = re.compile(r'name="version" value="(\d+)"')
STAGE_INPUT = re.compile(r'<input[^>]*name="stage"[^>]*>')
VALUE = re.compile(r'value="([a-z_]+)"')
PASSWORD = "load-test-officer"


@dataclass
class Result:
    status: int
    seconds: float
    kind: str


@dataclass
class Officer:
    host: str
    port: int
    username: str
    cookies: dict = field(default_factory=dict)
    results: list = field(default_factory=list)
    accepted: list = field(default_factory=list)  # (kind, marker) of each write that landed

    def __post_init__(self):
        self.connection = http.client.HTTPConnection(self.host, self.port, timeout=30)

    def request(self, method, path, kind, data=None):
        headers = {"X-Forwarded-Proto": "https", "Host": f"{self.host}:{self.port}"}
        if self.cookies:
            headers["Cookie"] = "; ".join(f"{k}={v}" for k, v in self.cookies.items())
        body = None
        if data is not None:
            body = urlencode(data, doseq=True)
            headers["Content-Type"] = "application/x-www-form-urlencoded"
            headers["Referer"] = f"https://{self.host}:{self.port}{path}"
        started = time.perf_counter()
        try:
            self.connection.request(method, path, body=body, headers=headers)
            response = self.connection.getresponse()
            text = response.read().decode("utf-8", "replace")
            status = response.status
            for name, value in response.getheaders():
                if name.lower() == "set-cookie":
                    key, _, rest = value.partition("=")
                    self.cookies[key] = rest.split(";", 1)[0]
        except (OSError, http.client.HTTPException):
            # A worker killed mid-request, or the server restarting: reconnect next time.
            self.connection.close()
            self.connection = http.client.HTTPConnection(self.host, self.port, timeout=30)
            status, text = 0, ""
        self.results.append(Result(status, time.perf_counter() - started, kind))
        return status, text

    def sign_in(self):
        _, page = self.request("GET", "/sign-in/", "read")
        match = TOKEN.search(page)
        if match is None:  # the service is unavailable for the moment
            return False
        token = match.group(1)
        status, _ = self.request(
            "POST",
            "/sign-in/",
            "sign-in",
            {"csrfmiddlewaretoken": token, "username": self.username, "password": PASSWORD},
        )
        return status == 302

    def read(self, paths):
        self.request("GET", random.choice(paths), "read")

    def edit(self, path, kind, fill):
        """Open the form at `path` and send it back with the version it showed and the fields
        `fill(page, marker)` gives (None when there is nothing to send): `kind` updates, whose
        unique marker, written in a note, proves that the save landed."""
        status, page = self.request("GET", path, "read")
        token, version = TOKEN.search(page or ""), VERSION.search(page or "")
        if status != 200 or not token or not version:
            return
        marker = f"load-{uuid.uuid4()}"
        fields = fill(page, marker)
        if fields is None:
            return
        data = {"csrfmiddlewaretoken": token.group(1), "version": version.group(1), **fields}
        status, _ = self.request("POST", path, f"{kind} update", data)
        if status == 302:
            self.accepted.append((kind, marker))

    def update_status(self, review_pk):
        """Move a review on a stage, with the marker as its progress note."""

        def fill(page, marker):
            stages = [VALUE.search(tag).group(1) for tag in STAGE_INPUT.findall(page)]
            return {"stage": stages[0], "progress": marker} if stages else None

        self.edit(f"/reviews/{review_pk}/status/", "status", fill)

    def update_action(self, action_pk):
        self.edit(
            f"/plans/actions/{action_pk}/progress/",
            "action",
            lambda page, marker: {"status": "in_progress", "note": marker, "hours": "0.5"},
        )
