# Generated from ccmflow/schemas/stakeholders.schema.json by `python -m ccmflow.read.schemagen` (fastjsonschema 2.22.3): do not edit.
# ruff: noqa
# mypy: ignore-errors
SCHEMA_TEXT = '{\n  "$schema": "https://json-schema.org/draft/2020-12/schema",\n  "$id": "https://ccmflow.invalid/schemas/stakeholders.schema.json",\n  "title": "ccmflow stakeholder registry",\n  "type": "object",\n  "additionalProperties": false,\n  "required": ["stakeholders"],\n  "properties": {\n    "stakeholders": {\n      "type": "array",\n      "items": {\n        "type": "object", "additionalProperties": false,\n        "required": ["id", "name", "category"],\n        "properties": {\n          "id": {"type": "string", "pattern": "^[a-z][a-z0-9]*(-[a-z0-9]+)*$", "description": "use lower-case letters and digits, words joined by single hyphens, starting with a letter (e.g. review-document)", "maxLength": 64},\n          "name": {"type": "string", "minLength": 1},\n          "category": {"enum": ["state-party", "signatory-state", "observer-state", "international-organisation", "civil-society", "presidency", "implementation-support-unit"]},\n          "accounts": {\n            "type": "array",\n            "items": {\n              "type": "object", "additionalProperties": false, "required": ["id", "login"],\n              "properties": {\n                "id": {"type": "integer", "minimum": 0, "description": "Numeric GitHub user id: this is what identifies the account. 0 is a placeholder (no GitHub account has it), which ccmflow validate flags until it is replaced."},\n                "login": {"type": "string", "pattern": "^[A-Za-z0-9](?:[A-Za-z0-9-]|\\\\[bot\\\\]){0,38}$", "description": "GitHub login, for display only (logins can be renamed)."}\n              }\n            }\n          },\n          "roles": {"type": "array", "uniqueItems": true, "items": {"enum": ["accept-late", "consolidate", "record-input", "coordination-committee", "thematic-coordinator", "facilitator"]},\n            "description": "accept-late: may accept late input (/ccmflow accept-late). consolidate: may merge consolidated versions and run /ccmflow recheck and /ccmflow summary. record-input: may enter input received outside GitHub (e-mail) and attest when it was received. coordination-committee: a member of the Coordination Committee, with which the Presidency prepares the drafts; may run /ccmflow recheck and /ccmflow summary. thematic-coordinator: coordinates the thematic areas (sections) listed in `coordinates`; may run /ccmflow summary. facilitator: facilitates the negotiation of the sections listed in `facilitates` at the conference; may record their paragraphs agreed ad referendum, agreed or reopened."},\n          "speaks_for": {"type": "array", "minItems": 1, "uniqueItems": true, "items": {"type": "string", "pattern": "^[a-z][a-z0-9]*(-[a-z0-9]+)*$", "maxLength": 64, "description": "The id of another delegation in this registry (lower-case words joined by hyphens)."},\n            "description": "Registry ids of delegations this one may speak for without their own confirmation (a group\'s coordinator for its members). Any other delegation an input names is a proposed co-sponsor until an account of it confirms (/ccmflow co-sponsor)."},\n          "coordinates": {"type": "array", "minItems": 1, "uniqueItems": true, "items": {"type": "string", "pattern": "^[a-z][a-z0-9]*(-[a-z0-9]+)*$", "maxLength": 64, "description": "A section id from the timeline\'s section list (lower-case words joined by hyphens)."},\n            "description": "The sections (thematic areas, from the timeline\'s section list) a thematic coordinator coordinates."},\n          "facilitates": {"type": "array", "minItems": 1, "uniqueItems": true, "items": {"type": "string", "pattern": "^[a-z][a-z0-9]*(-[a-z0-9]+)*$", "maxLength": 64, "description": "A section id from the timeline\'s section list (lower-case words joined by hyphens)."},\n            "description": "The sections a facilitator facilitates at the conference: it may record their paragraphs agreed ad referendum, agreed or reopened (/ccmflow ad-ref, agree, reopen)."}\n        }\n      }\n    }\n  }\n}\n'
VERSION = '2.22.3'
from decimal import Decimal
import re
from ccmflow.read.validators import JsonSchemaValueException, JsonSchemaValuesException, LazyPatterns
REGEX_PATTERNS = LazyPatterns({'^[a-z][a-z0-9]*(-[a-z0-9]+)*$': '^[a-z][a-z0-9]*(-[a-z0-9]+)*\\Z', '^[A-Za-z0-9](?:[A-Za-z0-9-]|\\[bot\\]){0,38}$': '^[A-Za-z0-9](?:[A-Za-z0-9-]|\\[bot\\]){0,38}\\Z'})
NoneType = type(None)

def validate_https___ccmflow_invalid_schemas_stakeholders_schema_json(data, custom_formats={}, name_prefix=None):
    if not isinstance(data, dict):
        raise JsonSchemaValueException('type')
    data_is_dict = isinstance(data, dict)
    if data_is_dict:
        data__missing_keys = set(['stakeholders']) - data.keys()
        if data__missing_keys:
            raise JsonSchemaValueException('required')
        data_keys = set(data.keys())
        if 'stakeholders' in data_keys:
            data_keys.remove('stakeholders')
            data__stakeholders = data['stakeholders']
            if not isinstance(data__stakeholders, (list, tuple)):
                raise JsonSchemaValueException('type')
            data__stakeholders_is_list = isinstance(data__stakeholders, (list, tuple))
            if data__stakeholders_is_list:
                data__stakeholders_len = len(data__stakeholders)
                for data__stakeholders_x, data__stakeholders_item in enumerate(data__stakeholders):
                    if not isinstance(data__stakeholders_item, dict):
                        raise JsonSchemaValueException('type')
                    data__stakeholders_item_is_dict = isinstance(data__stakeholders_item, dict)
                    if data__stakeholders_item_is_dict:
                        data__stakeholders_item__missing_keys = set(['id', 'name', 'category']) - data__stakeholders_item.keys()
                        if data__stakeholders_item__missing_keys:
                            raise JsonSchemaValueException('required')
                        data__stakeholders_item_keys = set(data__stakeholders_item.keys())
                        if 'id' in data__stakeholders_item_keys:
                            data__stakeholders_item_keys.remove('id')
                            data__stakeholders_item__id = data__stakeholders_item['id']
                            if not isinstance(data__stakeholders_item__id, str):
                                raise JsonSchemaValueException('type')
                            if isinstance(data__stakeholders_item__id, str):
                                data__stakeholders_item__id_len = len(data__stakeholders_item__id)
                                if data__stakeholders_item__id_len > 64:
                                    raise JsonSchemaValueException('maxLength')
                                if not REGEX_PATTERNS['^[a-z][a-z0-9]*(-[a-z0-9]+)*$'].search(data__stakeholders_item__id):
                                    raise JsonSchemaValueException('pattern')
                        if 'name' in data__stakeholders_item_keys:
                            data__stakeholders_item_keys.remove('name')
                            data__stakeholders_item__name = data__stakeholders_item['name']
                            if not isinstance(data__stakeholders_item__name, str):
                                raise JsonSchemaValueException('type')
                            if isinstance(data__stakeholders_item__name, str):
                                data__stakeholders_item__name_len = len(data__stakeholders_item__name)
                                if data__stakeholders_item__name_len < 1:
                                    raise JsonSchemaValueException('minLength')
                        if 'category' in data__stakeholders_item_keys:
                            data__stakeholders_item_keys.remove('category')
                            data__stakeholders_item__category = data__stakeholders_item['category']
                            if not (isinstance(data__stakeholders_item__category, str) and data__stakeholders_item__category == 'state-party' or (isinstance(data__stakeholders_item__category, str) and data__stakeholders_item__category == 'signatory-state') or (isinstance(data__stakeholders_item__category, str) and data__stakeholders_item__category == 'observer-state') or (isinstance(data__stakeholders_item__category, str) and data__stakeholders_item__category == 'international-organisation') or (isinstance(data__stakeholders_item__category, str) and data__stakeholders_item__category == 'civil-society') or (isinstance(data__stakeholders_item__category, str) and data__stakeholders_item__category == 'presidency') or (isinstance(data__stakeholders_item__category, str) and data__stakeholders_item__category == 'implementation-support-unit')):
                                raise JsonSchemaValueException('enum')
                        if 'accounts' in data__stakeholders_item_keys:
                            data__stakeholders_item_keys.remove('accounts')
                            data__stakeholders_item__accounts = data__stakeholders_item['accounts']
                            if not isinstance(data__stakeholders_item__accounts, (list, tuple)):
                                raise JsonSchemaValueException('type')
                            data__stakeholders_item__accounts_is_list = isinstance(data__stakeholders_item__accounts, (list, tuple))
                            if data__stakeholders_item__accounts_is_list:
                                data__stakeholders_item__accounts_len = len(data__stakeholders_item__accounts)
                                for data__stakeholders_item__accounts_x, data__stakeholders_item__accounts_item in enumerate(data__stakeholders_item__accounts):
                                    if not isinstance(data__stakeholders_item__accounts_item, dict):
                                        raise JsonSchemaValueException('type')
                                    data__stakeholders_item__accounts_item_is_dict = isinstance(data__stakeholders_item__accounts_item, dict)
                                    if data__stakeholders_item__accounts_item_is_dict:
                                        data__stakeholders_item__accounts_item__missing_keys = set(['id', 'login']) - data__stakeholders_item__accounts_item.keys()
                                        if data__stakeholders_item__accounts_item__missing_keys:
                                            raise JsonSchemaValueException('required')
                                        data__stakeholders_item__accounts_item_keys = set(data__stakeholders_item__accounts_item.keys())
                                        if 'id' in data__stakeholders_item__accounts_item_keys:
                                            data__stakeholders_item__accounts_item_keys.remove('id')
                                            data__stakeholders_item__accounts_item__id = data__stakeholders_item__accounts_item['id']
                                            if not isinstance(data__stakeholders_item__accounts_item__id, int) and (not (isinstance(data__stakeholders_item__accounts_item__id, float) and data__stakeholders_item__accounts_item__id.is_integer())) or isinstance(data__stakeholders_item__accounts_item__id, bool):
                                                raise JsonSchemaValueException('type')
                                            if isinstance(data__stakeholders_item__accounts_item__id, (int, float, Decimal)) and (not isinstance(data__stakeholders_item__accounts_item__id, bool)):
                                                if data__stakeholders_item__accounts_item__id < 0:
                                                    raise JsonSchemaValueException('minimum')
                                        if 'login' in data__stakeholders_item__accounts_item_keys:
                                            data__stakeholders_item__accounts_item_keys.remove('login')
                                            data__stakeholders_item__accounts_item__login = data__stakeholders_item__accounts_item['login']
                                            if not isinstance(data__stakeholders_item__accounts_item__login, str):
                                                raise JsonSchemaValueException('type')
                                            if isinstance(data__stakeholders_item__accounts_item__login, str):
                                                if not REGEX_PATTERNS['^[A-Za-z0-9](?:[A-Za-z0-9-]|\\[bot\\]){0,38}$'].search(data__stakeholders_item__accounts_item__login):
                                                    raise JsonSchemaValueException('pattern')
                                        if data__stakeholders_item__accounts_item_keys:
                                            raise JsonSchemaValueException('additionalProperties')
                        if 'roles' in data__stakeholders_item_keys:
                            data__stakeholders_item_keys.remove('roles')
                            data__stakeholders_item__roles = data__stakeholders_item['roles']
                            if not isinstance(data__stakeholders_item__roles, (list, tuple)):
                                raise JsonSchemaValueException('type')
                            data__stakeholders_item__roles_is_list = isinstance(data__stakeholders_item__roles, (list, tuple))
                            if data__stakeholders_item__roles_is_list:

                                def fn(var):
                                    return frozenset(dict(((k, fn(v)) for k, v in var.items())).items()) if hasattr(var, 'items') else tuple((fn(v) for v in var)) if isinstance(var, (dict, list)) else (bool, var) if isinstance(var, bool) else var
                                data__stakeholders_item__roles_len = len(data__stakeholders_item__roles)
                                if data__stakeholders_item__roles_len > len(set((fn(data__stakeholders_item__roles_x) for data__stakeholders_item__roles_x in data__stakeholders_item__roles))):
                                    raise JsonSchemaValueException('uniqueItems')
                                for data__stakeholders_item__roles_x, data__stakeholders_item__roles_item in enumerate(data__stakeholders_item__roles):
                                    if not (isinstance(data__stakeholders_item__roles_item, str) and data__stakeholders_item__roles_item == 'accept-late' or (isinstance(data__stakeholders_item__roles_item, str) and data__stakeholders_item__roles_item == 'consolidate') or (isinstance(data__stakeholders_item__roles_item, str) and data__stakeholders_item__roles_item == 'record-input') or (isinstance(data__stakeholders_item__roles_item, str) and data__stakeholders_item__roles_item == 'coordination-committee') or (isinstance(data__stakeholders_item__roles_item, str) and data__stakeholders_item__roles_item == 'thematic-coordinator') or (isinstance(data__stakeholders_item__roles_item, str) and data__stakeholders_item__roles_item == 'facilitator')):
                                        raise JsonSchemaValueException('enum')
                        if 'speaks_for' in data__stakeholders_item_keys:
                            data__stakeholders_item_keys.remove('speaks_for')
                            data__stakeholders_item__speaksfor = data__stakeholders_item['speaks_for']
                            if not isinstance(data__stakeholders_item__speaksfor, (list, tuple)):
                                raise JsonSchemaValueException('type')
                            data__stakeholders_item__speaksfor_is_list = isinstance(data__stakeholders_item__speaksfor, (list, tuple))
                            if data__stakeholders_item__speaksfor_is_list:
                                data__stakeholders_item__speaksfor_len = len(data__stakeholders_item__speaksfor)
                                if data__stakeholders_item__speaksfor_len < 1:
                                    raise JsonSchemaValueException('minItems')

                                def fn(var):
                                    return frozenset(dict(((k, fn(v)) for k, v in var.items())).items()) if hasattr(var, 'items') else tuple((fn(v) for v in var)) if isinstance(var, (dict, list)) else (bool, var) if isinstance(var, bool) else var
                                if data__stakeholders_item__speaksfor_len > len(set((fn(data__stakeholders_item__speaksfor_x) for data__stakeholders_item__speaksfor_x in data__stakeholders_item__speaksfor))):
                                    raise JsonSchemaValueException('uniqueItems')
                                for data__stakeholders_item__speaksfor_x, data__stakeholders_item__speaksfor_item in enumerate(data__stakeholders_item__speaksfor):
                                    if not isinstance(data__stakeholders_item__speaksfor_item, str):
                                        raise JsonSchemaValueException('type')
                                    if isinstance(data__stakeholders_item__speaksfor_item, str):
                                        data__stakeholders_item__speaksfor_item_len = len(data__stakeholders_item__speaksfor_item)
                                        if data__stakeholders_item__speaksfor_item_len > 64:
                                            raise JsonSchemaValueException('maxLength')
                                        if not REGEX_PATTERNS['^[a-z][a-z0-9]*(-[a-z0-9]+)*$'].search(data__stakeholders_item__speaksfor_item):
                                            raise JsonSchemaValueException('pattern')
                        if 'coordinates' in data__stakeholders_item_keys:
                            data__stakeholders_item_keys.remove('coordinates')
                            data__stakeholders_item__coordinates = data__stakeholders_item['coordinates']
                            if not isinstance(data__stakeholders_item__coordinates, (list, tuple)):
                                raise JsonSchemaValueException('type')
                            data__stakeholders_item__coordinates_is_list = isinstance(data__stakeholders_item__coordinates, (list, tuple))
                            if data__stakeholders_item__coordinates_is_list:
                                data__stakeholders_item__coordinates_len = len(data__stakeholders_item__coordinates)
                                if data__stakeholders_item__coordinates_len < 1:
                                    raise JsonSchemaValueException('minItems')

                                def fn(var):
                                    return frozenset(dict(((k, fn(v)) for k, v in var.items())).items()) if hasattr(var, 'items') else tuple((fn(v) for v in var)) if isinstance(var, (dict, list)) else (bool, var) if isinstance(var, bool) else var
                                if data__stakeholders_item__coordinates_len > len(set((fn(data__stakeholders_item__coordinates_x) for data__stakeholders_item__coordinates_x in data__stakeholders_item__coordinates))):
                                    raise JsonSchemaValueException('uniqueItems')
                                for data__stakeholders_item__coordinates_x, data__stakeholders_item__coordinates_item in enumerate(data__stakeholders_item__coordinates):
                                    if not isinstance(data__stakeholders_item__coordinates_item, str):
                                        raise JsonSchemaValueException('type')
                                    if isinstance(data__stakeholders_item__coordinates_item, str):
                                        data__stakeholders_item__coordinates_item_len = len(data__stakeholders_item__coordinates_item)
                                        if data__stakeholders_item__coordinates_item_len > 64:
                                            raise JsonSchemaValueException('maxLength')
                                        if not REGEX_PATTERNS['^[a-z][a-z0-9]*(-[a-z0-9]+)*$'].search(data__stakeholders_item__coordinates_item):
                                            raise JsonSchemaValueException('pattern')
                        if 'facilitates' in data__stakeholders_item_keys:
                            data__stakeholders_item_keys.remove('facilitates')
                            data__stakeholders_item__facilitates = data__stakeholders_item['facilitates']
                            if not isinstance(data__stakeholders_item__facilitates, (list, tuple)):
                                raise JsonSchemaValueException('type')
                            data__stakeholders_item__facilitates_is_list = isinstance(data__stakeholders_item__facilitates, (list, tuple))
                            if data__stakeholders_item__facilitates_is_list:
                                data__stakeholders_item__facilitates_len = len(data__stakeholders_item__facilitates)
                                if data__stakeholders_item__facilitates_len < 1:
                                    raise JsonSchemaValueException('minItems')

                                def fn(var):
                                    return frozenset(dict(((k, fn(v)) for k, v in var.items())).items()) if hasattr(var, 'items') else tuple((fn(v) for v in var)) if isinstance(var, (dict, list)) else (bool, var) if isinstance(var, bool) else var
                                if data__stakeholders_item__facilitates_len > len(set((fn(data__stakeholders_item__facilitates_x) for data__stakeholders_item__facilitates_x in data__stakeholders_item__facilitates))):
                                    raise JsonSchemaValueException('uniqueItems')
                                for data__stakeholders_item__facilitates_x, data__stakeholders_item__facilitates_item in enumerate(data__stakeholders_item__facilitates):
                                    if not isinstance(data__stakeholders_item__facilitates_item, str):
                                        raise JsonSchemaValueException('type')
                                    if isinstance(data__stakeholders_item__facilitates_item, str):
                                        data__stakeholders_item__facilitates_item_len = len(data__stakeholders_item__facilitates_item)
                                        if data__stakeholders_item__facilitates_item_len > 64:
                                            raise JsonSchemaValueException('maxLength')
                                        if not REGEX_PATTERNS['^[a-z][a-z0-9]*(-[a-z0-9]+)*$'].search(data__stakeholders_item__facilitates_item):
                                            raise JsonSchemaValueException('pattern')
                        if data__stakeholders_item_keys:
                            raise JsonSchemaValueException('additionalProperties')
        if data_keys:
            raise JsonSchemaValueException('additionalProperties')
    return data


validate = validate_https___ccmflow_invalid_schemas_stakeholders_schema_json
DEFINITIONS = {
}
