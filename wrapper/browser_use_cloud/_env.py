"""The environment variables the library reads: names only, so importing this costs nothing
(the CLI's `--help` names them without loading httpx)."""

API_KEY_ENV = "BROWSER_USE_API_KEY"
BASE_URL_ENV = "BROWSER_USE_BASE_URL"
