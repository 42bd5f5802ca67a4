"""Authentication classes of the DRF-in-depth examples."""

from rest_framework.authentication import TokenAuthentication

from .models import ApiToken


# --8<-- [start:token_auth]
class ApiTokenAuthentication(TokenAuthentication):
    """DRF's TokenAuthentication on this app's table: ``Authorization: Token <key>``.

    With ``"rest_framework.authtoken"`` installed, use TokenAuthentication itself: its
    default model is that app's Token.
    """

    model = ApiToken
# --8<-- [end:token_auth]
