"""An authentication backend that never sends PostgreSQL a username it refuses to compare."""

from django.contrib.auth import backends, get_user_model

from bad_input.columns import can_hold


# --8<-- [start:backend]
class ModelBackend(backends.ModelBackend):
    r"""Django's ``ModelBackend``, plus "no such user" for a username with a NUL byte.

    Forms and serializers refuse NUL before they call ``authenticate()``; DRF's
    ``BasicAuthentication`` does not: ``Authorization: Basic`` with ``base64("a\x00b:pw")``
    reached ``get_by_natural_key()``, a PostgreSQL ``DataError`` and a 500 on every view
    that accepts Basic authentication, for anyone.
    """

    def authenticate(self, request, username=None, password=None, **kwargs):
        if not self._possible(username, kwargs):
            return None
        return super().authenticate(request, username, password, **kwargs)

    async def aauthenticate(self, request, username=None, password=None, **kwargs):
        if not self._possible(username, kwargs):
            return None
        return await super().aauthenticate(request, username, password, **kwargs)

    @staticmethod
    def _possible(username, kwargs) -> bool:
        model = get_user_model()
        if username is None:
            username = kwargs.get(model.USERNAME_FIELD)
        return username is None or can_hold(model._meta.get_field(model.USERNAME_FIELD), username)
# --8<-- [end:backend]
