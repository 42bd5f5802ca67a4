"""What a JWT really contains: three base64url parts, readable by anyone, signed with a key."""

import base64
import json
import time
import uuid

import jwt


# --8<-- [start:read_payload]
def read_payload_without_key(token: str) -> dict:
    """Decode a JWT's payload with no key at all: the signature only proves who wrote it.

    Args:
        token: an encoded JWT, ``header.payload.signature``.

    Returns:
        The payload's claims as a dict.

    """
    payload = token.split(".")[1]
    payload += "=" * (-len(payload) % 4)  # base64url drops its padding; put it back
    return json.loads(base64.urlsafe_b64decode(payload))
# --8<-- [end:read_payload]


# --8<-- [start:tamper]
def tamper(token: str, **claims) -> str:
    """Rewrite claims in a JWT's payload but keep the old signature (what an attacker can do).

    Args:
        token: an encoded JWT.
        **claims: claims to overwrite, for example ``user_id="1"``.

    Returns:
        The forged token, which a server checking signatures must reject.

    """
    header, _, signature = token.split(".")
    payload = read_payload_without_key(token) | claims
    encoded = base64.urlsafe_b64encode(json.dumps(payload).encode()).rstrip(b"=").decode()
    return f"{header}.{encoded}.{signature}"
# --8<-- [end:tamper]


# --8<-- [start:forge]
def forge_access_token(key: str, user_id: int) -> str:
    """Sign an access token for any user with a known key: no password, no login.

    Args:
        key: the server's signing key (simplejwt's default is ``SECRET_KEY``).
        user_id: the primary key of the user to be; the first user is often the admin.

    Returns:
        An access token with the claims simplejwt 5.5 writes, signed with HS256.

    """
    now = int(time.time())
    claims = {"token_type": "access", "exp": now + 300, "iat": now, "jti": uuid.uuid4().hex,
              "user_id": str(user_id)}
    return jwt.encode(claims, key, algorithm="HS256")  # PyJWT, which simplejwt uses too
# --8<-- [end:forge]
