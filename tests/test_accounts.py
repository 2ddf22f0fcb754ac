"""Accounts and keys: strong passwords only, accounts added and removed (never the last),
passwords changed or reset with the recovery key, and a recovery key replaced; all audited."""

from __future__ import annotations

import pytest
from conftest import PASSWORD

from exitbot_desktop.engine.errors import (
    LastAccountError,
    WeakPasswordError,
    WrongPasswordError,
)
from exitbot_desktop.engine.passwords import password_problem
from exitbot_desktop.engine.store import vault
from exitbot_desktop.engine.store.folder import DataFolder
from exitbot_desktop.engine.store.keys import FAST_KDF

BOB = "violet kettle under marble"


@pytest.mark.parametrize(
    ("weak", "reason"),
    [
        ("aaaaaaaaaa", "Repeats"),
        ("password123", "too weak"),
        ("qwertzuiop", "too weak"),
        ("short", "at least 10 characters"),
        ("alice acme", "too weak"),  # the account and organisation are tried first
    ],
)
def test_weak_passwords_are_refused_with_a_reason_everywhere_one_is_set(
    created: tuple[vault.Store, str], folder: DataFolder, tmp_path: object, weak: str, reason: str
) -> None:
    store, recovery_key = created
    attempts = [
        lambda: store.set_password("alice", weak, kdf=FAST_KDF),
        lambda: store.add_account("bob", weak, kdf=FAST_KDF),
        lambda: store.reset_password_with_recovery_key("alice", recovery_key, weak, FAST_KDF),
        lambda: store.change_own_password(PASSWORD, weak, FAST_KDF),
    ]
    for attempt in attempts:
        with pytest.raises(WeakPasswordError, match=reason) as caught:
            attempt()
        assert "unrelated words" in caught.value.user_message  # and what to do instead
    assert store.accounts() == ["alice"]


def test_a_new_database_refuses_a_weak_first_password(tmp_path: object) -> None:
    from pathlib import Path

    folder = DataFolder(Path(str(tmp_path)) / "new")
    with pytest.raises(WeakPasswordError, match="Repeats"):
        vault.create(folder, organisation="Acme", user="alice", password="aaaaaaaaaa", kdf=FAST_KDF)
    assert not folder.exists()


def test_a_passphrase_of_unrelated_words_is_accepted() -> None:
    assert password_problem("violet kettle under marble") is None
    assert password_problem(PASSWORD) is None


def test_accounts_are_listed_added_and_removed(
    created: tuple[vault.Store, str], folder: DataFolder
) -> None:
    store, _ = created
    store.add_account("bob", BOB, kdf=FAST_KDF)
    assert [a.name for a in store.account_list()] == ["alice", "bob"]

    store.remove_account("bob")

    assert store.accounts() == ["alice"]
    assert [a.name for a in store.account_list()] == ["alice"]
    actions = [e.action for e in store.audit.entries(limit=2)]
    assert actions == ["account_removed", "account_added"]
    store.close()
    with pytest.raises(Exception, match="no HR account called 'bob'"):
        vault.unlock(folder, user="bob", password=BOB)


def test_the_last_account_is_never_removed(store: vault.Store) -> None:
    with pytest.raises(LastAccountError, match=r"only HR account.*Add another account first"):
        store.remove_account("alice")

    assert store.accounts() == ["alice"]


def test_changing_your_own_password_needs_the_current_one(
    store: vault.Store, folder: DataFolder
) -> None:
    with pytest.raises(WrongPasswordError, match="Nothing was changed"):
        store.change_own_password("not my password at all", BOB, FAST_KDF)

    store.change_own_password(PASSWORD, BOB, FAST_KDF)
    store.close()

    vault.unlock(folder, user="alice", password=BOB).close()


def test_another_accounts_password_is_reset_with_the_recovery_key(
    created: tuple[vault.Store, str], folder: DataFolder
) -> None:
    store, recovery_key = created
    store.add_account("bob", "bobs own passphrase", kdf=FAST_KDF)
    with pytest.raises(WrongPasswordError, match="recovery key does not open"):
        store.reset_password_with_recovery_key(
            "bob", "AAAAA-BBBBB-CCCCC-DDDDD-EEEEE-FFFFF-GGGGG-HHHHH", BOB, FAST_KDF
        )

    store.reset_password_with_recovery_key("bob", recovery_key.lower(), BOB, FAST_KDF)

    assert store.audit.entries(limit=1)[0].detail == {"account": "bob"}
    store.close()
    vault.unlock(folder, user="bob", password=BOB).close()


def test_a_new_recovery_key_works_and_the_old_one_stops(
    created: tuple[vault.Store, str], folder: DataFolder
) -> None:
    store, old_key = created

    new_key = store.replace_recovery_key(FAST_KDF)

    assert new_key != old_key
    assert store.audit.entries(limit=1)[0].action == "recovery_key_replaced"
    store.close()
    with pytest.raises(WrongPasswordError):
        vault.unlock_with_recovery_key(folder, old_key)
    vault.unlock_with_recovery_key(folder, new_key).close()
