"""Create a staff account in the Editors group: `python manage.py create_editor USERNAME --email ...`."""

import getpass
import os

from django.contrib.auth import get_user_model, password_validation
from django.contrib.auth.models import Group
from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError
from django.core.validators import validate_email

EDITORS = "Editors"


class Command(BaseCommand):
    help = "Create an editor: a staff account in the Editors group, who can enter and correct seasons in /admin/."

    def add_arguments(self, parser):
        parser.add_argument("username")
        parser.add_argument("--email", default="", help="The editor's e-mail address.")
        parser.add_argument(
            "--password-from-env",
            metavar="VAR",
            help="Read the password from this environment variable instead of prompting (for scripts).",
        )

    def handle(self, username, email, password_from_env, **options):
        User = get_user_model()
        # The same rules as the admin's user form (the User model's username validator, Django's EmailValidator), so
        # a name that cannot log in or an address that cannot be written to is never stored. At the prompt the
        # refused value is asked again, as the password is; a script (--password-from-env) gets the reason.
        interactive = not password_from_env
        username_field = User._meta.get_field(User.USERNAME_FIELD)
        username = self._valid(username, username_field.validators, "username", interactive)
        if email:
            email = self._valid(email, [validate_email], "e-mail address", interactive)
        if User.objects.filter(username=username).exists():
            raise CommandError(f"There is already an account called {username!r}.")
        try:
            editors = Group.objects.get(name=EDITORS)
        except Group.DoesNotExist:
            raise CommandError("The Editors group is missing: run `python manage.py migrate` first.") from None
        user = User(username=username, email=email, is_staff=True)
        if password_from_env:
            password = self._password_from_env(password_from_env, user)
        else:
            password = self._prompt_until_accepted(user)
        user.set_password(password)
        user.save()
        user.groups.add(editors)
        self.stdout.write(self.style.SUCCESS(f"Editor {username!r} created; they can log in at /admin/."))

    def _password_from_env(self, variable, user):
        """A script cannot be asked again, so a refused password stops the command with the validators' reasons."""
        password = os.environ.get(variable)
        if not password:
            raise CommandError(f"The environment variable {variable} is not set or is empty.")
        if problems := self._problems(password, user):
            raise CommandError(f"The password in {variable} was refused: {problems} No account was created.")
        return password

    def _prompt_until_accepted(self, user):
        """Ask until a password passes the validators (as createsuperuser does); two different answers abort."""
        try:
            while True:
                password = getpass.getpass("Password: ")
                if password != getpass.getpass("Password (again): "):
                    raise CommandError("The two passwords differ.")
                if not (problems := self._problems(password, user)):
                    return password
                self.stderr.write(f"{problems} Please choose another password.")
        except (KeyboardInterrupt, EOFError):
            raise CommandError("Cancelled: no account was created.") from None

    def _valid(self, value, validators, what, interactive):
        """The value once Django's validators accept it: asked again at the prompt, else CommandError with why."""
        while True:
            try:
                for validator in validators:
                    validator(value)
                return value
            except ValidationError as error:
                problem = f"The {what} {value!r} was refused: {' '.join(error.messages)}"
            if not interactive:
                raise CommandError(f"{problem} No account was created.")
            self.stderr.write(f"{problem} Please type another one.")
            try:
                value = input(f"{what.capitalize()}: ").strip()
            except (KeyboardInterrupt, EOFError):
                raise CommandError("Cancelled: no account was created.") from None

    def _problems(self, password, user):
        try:
            password_validation.validate_password(password, user)
        except ValidationError as error:
            return " ".join(error.messages)
        return ""
