"""The README's tour with the client openapi-python-client generates from the OpenAPI
document in its default configuration: every answer it reads is parsed into the generated
models, so a field the document gets wrong fails here.

    RAPPORT_URL=http://127.0.0.1:8080 RAPPORT_EMAIL=... RAPPORT_PASSWORD=... python tour.py
"""

import os
import sys
import uuid

from rapport_client import AuthenticatedClient, Client
from rapport_client.api.api_keys import create_api_key
from rapport_client.api.auth import create_token, get_me
from rapport_client.api.customers import create_customer, get_customer
from rapport_client.api.events import list_events
from rapport_client.api.purchases import create_purchase
from rapport_client.api.segments import preview_segment
from rapport_client.api.touchpoints import get_agenda
from rapport_client.models import (
    Agenda,
    ApiKeyCreate,
    ApiKeyCreated,
    Customer,
    CustomerCreate,
    CustomerCreated,
    EventPage,
    EventType,
    PreviewRequest,
    PreviewResponse,
    Problem,
    Purchase,
    PurchaseCreate,
    Role,
    ScopeName,
    SegmentRule,
    Tier,
    Timezone,
    TokenRequest,
    TokenResponse,
    User,
)
from rapport_client.types import Unset


def check(what, answer, model):
    if not isinstance(answer, model):
        print(f"FAIL {what}: {answer!r}")
        sys.exit(1)
    print(f"ok  {what}")
    return answer


base = os.environ["RAPPORT_URL"]
anonymous = Client(base_url=base)
token = check(
    "sign in",
    create_token.sync(
        client=anonymous,
        body=TokenRequest(email=os.environ["RAPPORT_EMAIL"], password=os.environ["RAPPORT_PASSWORD"]),
    ),
    TokenResponse,
)
client = AuthenticatedClient(base_url=base, token=token.access_token)
me = check("who am I", get_me.sync(client=client), User)

name = f"Ada Lovelace {uuid.uuid4().hex[:8]}"
customer = check(
    "create a customer in Europe/Berlin",
    create_customer.sync(
        client=client,
        body=CustomerCreate(name=name, tier=Tier.IMPORTANT, timezone=Timezone.EUROPE_BERLIN),
    ),
    CustomerCreated,
)
assert customer.owner_id == me.id and customer.timezone == "Europe/Berlin"
assert customer.possible_duplicates == [], customer.possible_duplicates

purchase = check(
    "log a purchase",
    create_purchase.sync(
        customer.id, client=client, body=PurchaseCreate(amount_minor=129900, currency="EUR")
    ),
    Purchase,
)
assert purchase.customer_id == customer.id
again = check("read the customer back", get_customer.sync(customer.id, client=client), Customer)
assert again.purchase_count == 1, again.purchase_count

agenda = check("see the agenda, with customers", get_agenda.sync(client=client, expand="customer"), Agenda)
mine = [t for day in agenda.days for t in day.items if t.customer_id == customer.id]
assert mine and not isinstance(mine[0].customer, Unset) and mine[0].customer.name == name, mine

rule = SegmentRule.from_dict({"all": [{"field": "tier", "op": "in", "value": ["important", "key"]}]})
preview = check("preview a segment rule", preview_segment.sync(client=client, body=PreviewRequest(rule=rule)), PreviewResponse)
assert preview.count >= 1

key = check(
    "create an API key",
    create_api_key.sync(
        client=client,
        body=ApiKeyCreate(name="Python tour", role=Role.VIEWER, scopes=[ScopeName.EVENTS_READ]),
    ),
    ApiKeyCreated,
)
integration = AuthenticatedClient(base_url=base, token=key.secret)
page = check(
    "read the event feed with the key",
    list_events.sync(client=integration, type_=EventType.CUSTOMER_CREATED, customer_id=customer.id),
    EventPage,
)
assert [e.subject_id for e in page.items] == [customer.id], page.items
refused = check("the key cannot read customers", get_customer.sync(customer.id, client=integration), Problem)
assert refused.status == 403
