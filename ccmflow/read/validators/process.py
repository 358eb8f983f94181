# Generated from ccmflow/schemas/process.schema.json by `python -m ccmflow.read.schemagen` (fastjsonschema 2.22.3): do not edit.
# ruff: noqa
# mypy: ignore-errors
SCHEMA_TEXT = '{\n  "$schema": "https://json-schema.org/draft/2020-12/schema",\n  "$id": "https://ccmflow.invalid/schemas/process.schema.json",\n  "title": "ccmflow process timeline",\n  "type": "object",\n  "additionalProperties": false,\n  "required": [\n    "conference",\n    "deadline_time",\n    "document_order",\n    "versions",\n    "windows",\n    "milestones"\n  ],\n  "properties": {\n    "conference": {\n      "type": "object",\n      "additionalProperties": false,\n      "required": [\n        "name",\n        "venue",\n        "start",\n        "end",\n        "timezone"\n      ],\n      "properties": {\n        "name": {\n          "type": "string",\n          "minLength": 1\n        },\n        "short_name": {\n          "type": "string",\n          "minLength": 1\n        },\n        "venue": {\n          "type": "string",\n          "minLength": 1\n        },\n        "start": {\n          "$ref": "#/$defs/date"\n        },\n        "end": {\n          "$ref": "#/$defs/date"\n        },\n        "timezone": {\n          "type": "string",\n          "pattern": "^[A-Za-z_]+(/[A-Za-z0-9_+-]+)*$",\n          "description": "IANA time zone of the conference, e.g. Europe/Zurich."\n        },\n        "report_symbol": {\n          "type": "string",\n          "minLength": 1,\n          "description": "The symbol of the conference\'s final report, the same in every language (ccmflow report), e.g. CCM/CONF/2020/6."\n        }\n      }\n    },\n    "deadline_time": {\n      "type": "string",\n      "pattern": "^([01][0-9]|2[0-3]):[0-5][0-9](:[0-5][0-9])?$",\n      "description": "Time of day, conference time, at which a deadline given as a bare date closes."\n    },\n    "late_policy": {\n      "enum": [\n        "flag",\n        "close"\n      ],\n      "default": "flag"\n    },\n    "document_order": {\n      "type": "array",\n      "minItems": 1,\n      "uniqueItems": true,\n      "items": {\n        "$ref": "#/$defs/slug"\n      },\n      "description": "Which document informs which: each informs the next."\n    },\n    "versions": {\n      "type": "array",\n      "minItems": 1,\n      "items": {\n        "type": "object",\n        "additionalProperties": false,\n        "required": [\n          "id",\n          "name"\n        ],\n        "properties": {\n          "id": {\n            "$ref": "#/$defs/slug"\n          },\n          "name": {\n            "type": "string",\n            "minLength": 1\n          },\n          "kind": {\n            "enum": [\n              "draft",\n              "working-paper",\n              "elements",\n              "final"\n            ],\n            "default": "draft",\n            "description": "What the stage is: a draft, an informal working paper or elements that come before any draft, or the final text."\n          },\n          "documents": {\n            "type": "array",\n            "minItems": 1,\n            "uniqueItems": true,\n            "items": {\n              "$ref": "#/$defs/slug"\n            },\n            "description": "The documents that go through this stage (default: every document). A document\'s next version is the next one in this list that applies to it."\n          }\n        }\n      }\n    },\n    "windows": {\n      "type": "array",\n      "items": {\n        "$ref": "#/$defs/window"\n      }\n    },\n    "milestones": {\n      "type": "array",\n      "items": {\n        "$ref": "#/$defs/milestone"\n      }\n    },\n    "contacts": {\n      "type": "array",\n      "uniqueItems": true,\n      "items": {\n        "$ref": "#/$defs/contact"\n      },\n      "description": "Who receives input outside GitHub, at which address (the concept note\'s addresses)."\n    },\n    "channels": {\n      "type": "array",\n      "uniqueItems": true,\n      "items": {\n        "$ref": "#/$defs/channel"\n      },\n      "description": "How input reaches the Presidency outside GitHub: what is sent, to whom, with a copy to whom."\n    },\n    "sections": {\n      "type": "array",\n      "uniqueItems": true,\n      "description": "The section ids documents may use (e.g. the Dubrovnik Action Plan\'s structure); a section id not listed here is an error, which catches misspellings.",\n      "items": {\n        "type": "object",\n        "additionalProperties": false,\n        "required": [\n          "id",\n          "title"\n        ],\n        "properties": {\n          "id": {\n            "$ref": "#/$defs/slug"\n          },\n          "title": {\n            "type": "string",\n            "minLength": 1\n          }\n        }\n      }\n    }\n  },\n  "$defs": {\n    "slug": {\n      "type": "string",\n      "pattern": "^[a-z][a-z0-9]*(-[a-z0-9]+)*$",\n      "description": "use lower-case letters and digits, words joined by single hyphens, starting with a letter (e.g. review-document)",\n      "maxLength": 64\n    },\n    "date": {\n      "type": "string",\n      "pattern": "^[0-9]{4}-[0-9]{2}-[0-9]{2}$",\n      "description": "a date as YYYY-MM-DD, e.g. 2020-05-04"\n    },\n    "instant": {\n      "description": "A date (closes at deadline_time, conference time), a local date-time (conference time) or \'to be announced\'.",\n      "oneOf": [\n        {\n          "$ref": "#/$defs/date"\n        },\n        {\n          "type": "string",\n          "pattern": "^[0-9]{4}-[0-9]{2}-[0-9]{2}[T ][0-9]{2}:[0-9]{2}(:[0-9]{2})?$",\n          "description": "a date and time in conference time as YYYY-MM-DDTHH:MM, e.g. 2020-05-04T23:59"\n        },\n        {\n          "const": "to be announced"\n        }\n      ]\n    },\n    "approximate": {\n      "type": "object",\n      "additionalProperties": false,\n      "required": [\n        "month",\n        "part"\n      ],\n      "properties": {\n        "month": {\n          "type": "string",\n          "pattern": "^[0-9]{4}-[0-9]{2}$",\n          "description": "a month as YYYY-MM, e.g. 2020-05"\n        },\n        "part": {\n          "enum": [\n            "early",\n            "mid",\n            "late"\n          ]\n        }\n      }\n    },\n    "window": {\n      "type": "object",\n      "additionalProperties": false,\n      "required": [\n        "id",\n        "document",\n        "title",\n        "opens",\n        "closes"\n      ],\n      "properties": {\n        "id": {\n          "$ref": "#/$defs/slug"\n        },\n        "document": {\n          "$ref": "#/$defs/slug"\n        },\n        "version": {\n          "$ref": "#/$defs/slug",\n          "description": "The version of the document the input is on."\n        },\n        "title": {\n          "type": "string",\n          "minLength": 1\n        },\n        "opens": {\n          "description": "When input opens: a date (from the start of that day, conference time), a local date-time, \'to be announced\', or an approximate date ({month, part}) while only that is known. A window is never open before its opening date is set.",\n          "oneOf": [\n            {\n              "$ref": "#/$defs/instant"\n            },\n            {\n              "$ref": "#/$defs/approximate"\n            }\n          ]\n        },\n        "opened": {\n          "description": "The day the window opened, as the Presidency records it (a date: from the start of that day, conference time; or a local date-time), for a window announced approximately or to be announced. Without it, a window announced approximately opens when the document\'s version it concerns is issued (its `issued` date).",\n          "oneOf": [\n            {\n              "$ref": "#/$defs/date"\n            },\n            {\n              "type": "string",\n              "pattern": "^[0-9]{4}-[0-9]{2}-[0-9]{2}[T ][0-9]{2}:[0-9]{2}(:[0-9]{2})?$",\n              "description": "a date and time in conference time as YYYY-MM-DDTHH:MM, e.g. 2020-08-07T09:00"\n            }\n          ]\n        },\n        "closes": {\n          "$ref": "#/$defs/instant"\n        },\n        "late_policy": {\n          "enum": [\n            "flag",\n            "close"\n          ]\n        }\n      }\n    },\n    "milestone": {\n      "type": "object",\n      "additionalProperties": false,\n      "required": [\n        "id",\n        "title",\n        "kind"\n      ],\n      "properties": {\n        "id": {\n          "$ref": "#/$defs/slug"\n        },\n        "title": {\n          "type": "string",\n          "minLength": 1\n        },\n        "kind": {\n          "enum": [\n            "circulation",\n            "meeting",\n            "conference",\n            "deadline",\n            "other"\n          ]\n        },\n        "document": {\n          "$ref": "#/$defs/slug"\n        },\n        "date": {\n          "$ref": "#/$defs/date"\n        },\n        "end": {\n          "$ref": "#/$defs/date"\n        },\n        "approximate": {\n          "$ref": "#/$defs/approximate"\n        },\n        "purpose": {\n          "type": "string",\n          "minLength": 1,\n          "description": "What the meeting or step is for."\n        },\n        "documents": {\n          "type": "array",\n          "uniqueItems": true,\n          "items": {\n            "$ref": "#/$defs/stage"\n          },\n          "description": "The documents the meeting discusses or the step circulates, each at its stage."\n        }\n      },\n      "oneOf": [\n        {\n          "required": [\n            "date"\n          ],\n          "not": {\n            "required": [\n              "approximate"\n            ]\n          }\n        },\n        {\n          "required": [\n            "approximate"\n          ],\n          "not": {\n            "anyOf": [\n              {\n                "required": [\n                  "date"\n                ]\n              },\n              {\n                "required": [\n                  "end"\n                ]\n              }\n            ]\n          }\n        }\n      ]\n    },\n    "stage": {\n      "type": "object",\n      "additionalProperties": false,\n      "required": [\n        "document"\n      ],\n      "properties": {\n        "document": {\n          "$ref": "#/$defs/slug"\n        },\n        "version": {\n          "$ref": "#/$defs/slug",\n          "description": "The stage of the document, one of the versions above."\n        }\n      }\n    },\n    "email": {\n      "type": "string",\n      "pattern": "^[^@\\\\s]+@[^@\\\\s]+\\\\.[a-z]{2,}$",\n      "maxLength": 254,\n      "description": "an e-mail address such as info@cmconvention.org"\n    },\n    "contact": {\n      "type": "object",\n      "additionalProperties": false,\n      "required": [\n        "id",\n        "name",\n        "address"\n      ],\n      "properties": {\n        "id": {\n          "$ref": "#/$defs/slug"\n        },\n        "name": {\n          "type": "string",\n          "minLength": 1,\n          "pattern": "\\\\S",\n          "description": "who it is, as delegations know them: write a name"\n        },\n        "address": {\n          "$ref": "#/$defs/email"\n        },\n        "stakeholder": {\n          "$ref": "#/$defs/slug",\n          "description": "The registry id of who receives it (documents/stakeholders.yaml); its accounts enter what it receives, with the attested time, if they hold the record-input role."\n        }\n      }\n    },\n    "channel": {\n      "type": "object",\n      "additionalProperties": false,\n      "required": [\n        "id",\n        "title",\n        "to"\n      ],\n      "properties": {\n        "id": {\n          "$ref": "#/$defs/slug"\n        },\n        "title": {\n          "type": "string",\n          "minLength": 1,\n          "pattern": "\\\\S",\n          "description": "what is sent this way: write it for a delegate"\n        },\n        "to": {\n          "$ref": "#/$defs/slug",\n          "description": "The contact (id under contacts) it is sent to."\n        },\n        "copy": {\n          "type": "array",\n          "uniqueItems": true,\n          "items": {\n            "$ref": "#/$defs/slug"\n          },\n          "description": "The contacts (ids under contacts) copied."\n        },\n        "documents": {\n          "type": "array",\n          "minItems": 1,\n          "uniqueItems": true,\n          "items": {\n            "$ref": "#/$defs/slug"\n          },\n          "description": "The documents it is for (default: every document)."\n        },\n        "until": {\n          "$ref": "#/$defs/slug",\n          "description": "A window id: the channel is for what is sent before that window opens (e.g. early suggestions, before the elements are circulated)."\n        },\n        "note": {\n          "type": "string",\n          "minLength": 1,\n          "description": "What the sender should know, in a sentence."\n        }\n      }\n    }\n  }\n}\n'
VERSION = '2.22.3'
import re
from ccmflow.read.validators import JsonSchemaValueException, JsonSchemaValuesException, LazyPatterns
REGEX_PATTERNS = LazyPatterns({'^[A-Za-z_]+(/[A-Za-z0-9_+-]+)*$': '^[A-Za-z_]+(/[A-Za-z0-9_+-]+)*\\Z', '^([01][0-9]|2[0-3]):[0-5][0-9](:[0-5][0-9])?$': '^([01][0-9]|2[0-3]):[0-5][0-9](:[0-5][0-9])?\\Z', '\\S': '\\S', '^[^@\\s]+@[^@\\s]+\\.[a-z]{2,}$': '^[^@\\s]+@[^@\\s]+\\.[a-z]{2,}\\Z', '^[0-9]{4}-[0-9]{2}$': '^[0-9]{4}-[0-9]{2}\\Z', '^[0-9]{4}-[0-9]{2}-[0-9]{2}[T ][0-9]{2}:[0-9]{2}(:[0-9]{2})?$': '^[0-9]{4}-[0-9]{2}-[0-9]{2}[T ][0-9]{2}:[0-9]{2}(:[0-9]{2})?\\Z', '^[a-z][a-z0-9]*(-[a-z0-9]+)*$': '^[a-z][a-z0-9]*(-[a-z0-9]+)*\\Z', '^[0-9]{4}-[0-9]{2}-[0-9]{2}$': '^[0-9]{4}-[0-9]{2}-[0-9]{2}\\Z'})
NoneType = type(None)

def validate_https___ccmflow_invalid_schemas_process_schema_json(data, custom_formats={}, name_prefix=None):
    if not isinstance(data, dict):
        raise JsonSchemaValueException('type')
    data_is_dict = isinstance(data, dict)
    if data_is_dict:
        data__missing_keys = set(['conference', 'deadline_time', 'document_order', 'versions', 'windows', 'milestones']) - data.keys()
        if data__missing_keys:
            raise JsonSchemaValueException('required')
        data_keys = set(data.keys())
        if 'conference' in data_keys:
            data_keys.remove('conference')
            data__conference = data['conference']
            if not isinstance(data__conference, dict):
                raise JsonSchemaValueException('type')
            data__conference_is_dict = isinstance(data__conference, dict)
            if data__conference_is_dict:
                data__conference__missing_keys = set(['name', 'venue', 'start', 'end', 'timezone']) - data__conference.keys()
                if data__conference__missing_keys:
                    raise JsonSchemaValueException('required')
                data__conference_keys = set(data__conference.keys())
                if 'name' in data__conference_keys:
                    data__conference_keys.remove('name')
                    data__conference__name = data__conference['name']
                    if not isinstance(data__conference__name, str):
                        raise JsonSchemaValueException('type')
                    if isinstance(data__conference__name, str):
                        data__conference__name_len = len(data__conference__name)
                        if data__conference__name_len < 1:
                            raise JsonSchemaValueException('minLength')
                if 'short_name' in data__conference_keys:
                    data__conference_keys.remove('short_name')
                    data__conference__shortname = data__conference['short_name']
                    if not isinstance(data__conference__shortname, str):
                        raise JsonSchemaValueException('type')
                    if isinstance(data__conference__shortname, str):
                        data__conference__shortname_len = len(data__conference__shortname)
                        if data__conference__shortname_len < 1:
                            raise JsonSchemaValueException('minLength')
                if 'venue' in data__conference_keys:
                    data__conference_keys.remove('venue')
                    data__conference__venue = data__conference['venue']
                    if not isinstance(data__conference__venue, str):
                        raise JsonSchemaValueException('type')
                    if isinstance(data__conference__venue, str):
                        data__conference__venue_len = len(data__conference__venue)
                        if data__conference__venue_len < 1:
                            raise JsonSchemaValueException('minLength')
                if 'start' in data__conference_keys:
                    data__conference_keys.remove('start')
                    data__conference__start = data__conference['start']
                    validate_https___ccmflow_invalid_schemas_process_schema_json___defs_date(data__conference__start, custom_formats, None)
                if 'end' in data__conference_keys:
                    data__conference_keys.remove('end')
                    data__conference__end = data__conference['end']
                    validate_https___ccmflow_invalid_schemas_process_schema_json___defs_date(data__conference__end, custom_formats, None)
                if 'timezone' in data__conference_keys:
                    data__conference_keys.remove('timezone')
                    data__conference__timezone = data__conference['timezone']
                    if not isinstance(data__conference__timezone, str):
                        raise JsonSchemaValueException('type')
                    if isinstance(data__conference__timezone, str):
                        if not REGEX_PATTERNS['^[A-Za-z_]+(/[A-Za-z0-9_+-]+)*$'].search(data__conference__timezone):
                            raise JsonSchemaValueException('pattern')
                if 'report_symbol' in data__conference_keys:
                    data__conference_keys.remove('report_symbol')
                    data__conference__reportsymbol = data__conference['report_symbol']
                    if not isinstance(data__conference__reportsymbol, str):
                        raise JsonSchemaValueException('type')
                    if isinstance(data__conference__reportsymbol, str):
                        data__conference__reportsymbol_len = len(data__conference__reportsymbol)
                        if data__conference__reportsymbol_len < 1:
                            raise JsonSchemaValueException('minLength')
                if data__conference_keys:
                    raise JsonSchemaValueException('additionalProperties')
        if 'deadline_time' in data_keys:
            data_keys.remove('deadline_time')
            data__deadlinetime = data['deadline_time']
            if not isinstance(data__deadlinetime, str):
                raise JsonSchemaValueException('type')
            if isinstance(data__deadlinetime, str):
                if not REGEX_PATTERNS['^([01][0-9]|2[0-3]):[0-5][0-9](:[0-5][0-9])?$'].search(data__deadlinetime):
                    raise JsonSchemaValueException('pattern')
        if 'late_policy' in data_keys:
            data_keys.remove('late_policy')
            data__latepolicy = data['late_policy']
            if not (isinstance(data__latepolicy, str) and data__latepolicy == 'flag' or (isinstance(data__latepolicy, str) and data__latepolicy == 'close')):
                raise JsonSchemaValueException('enum')
        else:
            data['late_policy'] = 'flag'
        if 'document_order' in data_keys:
            data_keys.remove('document_order')
            data__documentorder = data['document_order']
            if not isinstance(data__documentorder, (list, tuple)):
                raise JsonSchemaValueException('type')
            data__documentorder_is_list = isinstance(data__documentorder, (list, tuple))
            if data__documentorder_is_list:
                data__documentorder_len = len(data__documentorder)
                if data__documentorder_len < 1:
                    raise JsonSchemaValueException('minItems')

                def fn(var):
                    return frozenset(dict(((k, fn(v)) for k, v in var.items())).items()) if hasattr(var, 'items') else tuple((fn(v) for v in var)) if isinstance(var, (dict, list)) else (bool, var) if isinstance(var, bool) else var
                if data__documentorder_len > len(set((fn(data__documentorder_x) for data__documentorder_x in data__documentorder))):
                    raise JsonSchemaValueException('uniqueItems')
                for data__documentorder_x, data__documentorder_item in enumerate(data__documentorder):
                    validate_https___ccmflow_invalid_schemas_process_schema_json___defs_slug(data__documentorder_item, custom_formats, None)
        if 'versions' in data_keys:
            data_keys.remove('versions')
            data__versions = data['versions']
            if not isinstance(data__versions, (list, tuple)):
                raise JsonSchemaValueException('type')
            data__versions_is_list = isinstance(data__versions, (list, tuple))
            if data__versions_is_list:
                data__versions_len = len(data__versions)
                if data__versions_len < 1:
                    raise JsonSchemaValueException('minItems')
                for data__versions_x, data__versions_item in enumerate(data__versions):
                    if not isinstance(data__versions_item, dict):
                        raise JsonSchemaValueException('type')
                    data__versions_item_is_dict = isinstance(data__versions_item, dict)
                    if data__versions_item_is_dict:
                        data__versions_item__missing_keys = set(['id', 'name']) - data__versions_item.keys()
                        if data__versions_item__missing_keys:
                            raise JsonSchemaValueException('required')
                        data__versions_item_keys = set(data__versions_item.keys())
                        if 'id' in data__versions_item_keys:
                            data__versions_item_keys.remove('id')
                            data__versions_item__id = data__versions_item['id']
                            validate_https___ccmflow_invalid_schemas_process_schema_json___defs_slug(data__versions_item__id, custom_formats, None)
                        if 'name' in data__versions_item_keys:
                            data__versions_item_keys.remove('name')
                            data__versions_item__name = data__versions_item['name']
                            if not isinstance(data__versions_item__name, str):
                                raise JsonSchemaValueException('type')
                            if isinstance(data__versions_item__name, str):
                                data__versions_item__name_len = len(data__versions_item__name)
                                if data__versions_item__name_len < 1:
                                    raise JsonSchemaValueException('minLength')
                        if 'kind' in data__versions_item_keys:
                            data__versions_item_keys.remove('kind')
                            data__versions_item__kind = data__versions_item['kind']
                            if not (isinstance(data__versions_item__kind, str) and data__versions_item__kind == 'draft' or (isinstance(data__versions_item__kind, str) and data__versions_item__kind == 'working-paper') or (isinstance(data__versions_item__kind, str) and data__versions_item__kind == 'elements') or (isinstance(data__versions_item__kind, str) and data__versions_item__kind == 'final')):
                                raise JsonSchemaValueException('enum')
                        else:
                            data__versions_item['kind'] = 'draft'
                        if 'documents' in data__versions_item_keys:
                            data__versions_item_keys.remove('documents')
                            data__versions_item__documents = data__versions_item['documents']
                            if not isinstance(data__versions_item__documents, (list, tuple)):
                                raise JsonSchemaValueException('type')
                            data__versions_item__documents_is_list = isinstance(data__versions_item__documents, (list, tuple))
                            if data__versions_item__documents_is_list:
                                data__versions_item__documents_len = len(data__versions_item__documents)
                                if data__versions_item__documents_len < 1:
                                    raise JsonSchemaValueException('minItems')

                                def fn(var):
                                    return frozenset(dict(((k, fn(v)) for k, v in var.items())).items()) if hasattr(var, 'items') else tuple((fn(v) for v in var)) if isinstance(var, (dict, list)) else (bool, var) if isinstance(var, bool) else var
                                if data__versions_item__documents_len > len(set((fn(data__versions_item__documents_x) for data__versions_item__documents_x in data__versions_item__documents))):
                                    raise JsonSchemaValueException('uniqueItems')
                                for data__versions_item__documents_x, data__versions_item__documents_item in enumerate(data__versions_item__documents):
                                    validate_https___ccmflow_invalid_schemas_process_schema_json___defs_slug(data__versions_item__documents_item, custom_formats, None)
                        if data__versions_item_keys:
                            raise JsonSchemaValueException('additionalProperties')
        if 'windows' in data_keys:
            data_keys.remove('windows')
            data__windows = data['windows']
            if not isinstance(data__windows, (list, tuple)):
                raise JsonSchemaValueException('type')
            data__windows_is_list = isinstance(data__windows, (list, tuple))
            if data__windows_is_list:
                data__windows_len = len(data__windows)
                for data__windows_x, data__windows_item in enumerate(data__windows):
                    validate_https___ccmflow_invalid_schemas_process_schema_json___defs_window(data__windows_item, custom_formats, None)
        if 'milestones' in data_keys:
            data_keys.remove('milestones')
            data__milestones = data['milestones']
            if not isinstance(data__milestones, (list, tuple)):
                raise JsonSchemaValueException('type')
            data__milestones_is_list = isinstance(data__milestones, (list, tuple))
            if data__milestones_is_list:
                data__milestones_len = len(data__milestones)
                for data__milestones_x, data__milestones_item in enumerate(data__milestones):
                    validate_https___ccmflow_invalid_schemas_process_schema_json___defs_milestone(data__milestones_item, custom_formats, None)
        if 'contacts' in data_keys:
            data_keys.remove('contacts')
            data__contacts = data['contacts']
            if not isinstance(data__contacts, (list, tuple)):
                raise JsonSchemaValueException('type')
            data__contacts_is_list = isinstance(data__contacts, (list, tuple))
            if data__contacts_is_list:

                def fn(var):
                    return frozenset(dict(((k, fn(v)) for k, v in var.items())).items()) if hasattr(var, 'items') else tuple((fn(v) for v in var)) if isinstance(var, (dict, list)) else (bool, var) if isinstance(var, bool) else var
                data__contacts_len = len(data__contacts)
                if data__contacts_len > len(set((fn(data__contacts_x) for data__contacts_x in data__contacts))):
                    raise JsonSchemaValueException('uniqueItems')
                for data__contacts_x, data__contacts_item in enumerate(data__contacts):
                    validate_https___ccmflow_invalid_schemas_process_schema_json___defs_contact(data__contacts_item, custom_formats, None)
        if 'channels' in data_keys:
            data_keys.remove('channels')
            data__channels = data['channels']
            if not isinstance(data__channels, (list, tuple)):
                raise JsonSchemaValueException('type')
            data__channels_is_list = isinstance(data__channels, (list, tuple))
            if data__channels_is_list:

                def fn(var):
                    return frozenset(dict(((k, fn(v)) for k, v in var.items())).items()) if hasattr(var, 'items') else tuple((fn(v) for v in var)) if isinstance(var, (dict, list)) else (bool, var) if isinstance(var, bool) else var
                data__channels_len = len(data__channels)
                if data__channels_len > len(set((fn(data__channels_x) for data__channels_x in data__channels))):
                    raise JsonSchemaValueException('uniqueItems')
                for data__channels_x, data__channels_item in enumerate(data__channels):
                    validate_https___ccmflow_invalid_schemas_process_schema_json___defs_channel(data__channels_item, custom_formats, None)
        if 'sections' in data_keys:
            data_keys.remove('sections')
            data__sections = data['sections']
            if not isinstance(data__sections, (list, tuple)):
                raise JsonSchemaValueException('type')
            data__sections_is_list = isinstance(data__sections, (list, tuple))
            if data__sections_is_list:

                def fn(var):
                    return frozenset(dict(((k, fn(v)) for k, v in var.items())).items()) if hasattr(var, 'items') else tuple((fn(v) for v in var)) if isinstance(var, (dict, list)) else (bool, var) if isinstance(var, bool) else var
                data__sections_len = len(data__sections)
                if data__sections_len > len(set((fn(data__sections_x) for data__sections_x in data__sections))):
                    raise JsonSchemaValueException('uniqueItems')
                for data__sections_x, data__sections_item in enumerate(data__sections):
                    if not isinstance(data__sections_item, dict):
                        raise JsonSchemaValueException('type')
                    data__sections_item_is_dict = isinstance(data__sections_item, dict)
                    if data__sections_item_is_dict:
                        data__sections_item__missing_keys = set(['id', 'title']) - data__sections_item.keys()
                        if data__sections_item__missing_keys:
                            raise JsonSchemaValueException('required')
                        data__sections_item_keys = set(data__sections_item.keys())
                        if 'id' in data__sections_item_keys:
                            data__sections_item_keys.remove('id')
                            data__sections_item__id = data__sections_item['id']
                            validate_https___ccmflow_invalid_schemas_process_schema_json___defs_slug(data__sections_item__id, custom_formats, None)
                        if 'title' in data__sections_item_keys:
                            data__sections_item_keys.remove('title')
                            data__sections_item__title = data__sections_item['title']
                            if not isinstance(data__sections_item__title, str):
                                raise JsonSchemaValueException('type')
                            if isinstance(data__sections_item__title, str):
                                data__sections_item__title_len = len(data__sections_item__title)
                                if data__sections_item__title_len < 1:
                                    raise JsonSchemaValueException('minLength')
                        if data__sections_item_keys:
                            raise JsonSchemaValueException('additionalProperties')
        if data_keys:
            raise JsonSchemaValueException('additionalProperties')
    return data

def validate_https___ccmflow_invalid_schemas_process_schema_json___defs_channel(data, custom_formats={}, name_prefix=None):
    if not isinstance(data, dict):
        raise JsonSchemaValueException('type')
    data_is_dict = isinstance(data, dict)
    if data_is_dict:
        data__missing_keys = set(['id', 'title', 'to']) - data.keys()
        if data__missing_keys:
            raise JsonSchemaValueException('required')
        data_keys = set(data.keys())
        if 'id' in data_keys:
            data_keys.remove('id')
            data__id = data['id']
            validate_https___ccmflow_invalid_schemas_process_schema_json___defs_slug(data__id, custom_formats, None)
        if 'title' in data_keys:
            data_keys.remove('title')
            data__title = data['title']
            if not isinstance(data__title, str):
                raise JsonSchemaValueException('type')
            if isinstance(data__title, str):
                data__title_len = len(data__title)
                if data__title_len < 1:
                    raise JsonSchemaValueException('minLength')
                if not REGEX_PATTERNS['\\S'].search(data__title):
                    raise JsonSchemaValueException('pattern')
        if 'to' in data_keys:
            data_keys.remove('to')
            data__to = data['to']
            validate_https___ccmflow_invalid_schemas_process_schema_json___defs_slug(data__to, custom_formats, None)
        if 'copy' in data_keys:
            data_keys.remove('copy')
            data__copy = data['copy']
            if not isinstance(data__copy, (list, tuple)):
                raise JsonSchemaValueException('type')
            data__copy_is_list = isinstance(data__copy, (list, tuple))
            if data__copy_is_list:

                def fn(var):
                    return frozenset(dict(((k, fn(v)) for k, v in var.items())).items()) if hasattr(var, 'items') else tuple((fn(v) for v in var)) if isinstance(var, (dict, list)) else (bool, var) if isinstance(var, bool) else var
                data__copy_len = len(data__copy)
                if data__copy_len > len(set((fn(data__copy_x) for data__copy_x in data__copy))):
                    raise JsonSchemaValueException('uniqueItems')
                for data__copy_x, data__copy_item in enumerate(data__copy):
                    validate_https___ccmflow_invalid_schemas_process_schema_json___defs_slug(data__copy_item, custom_formats, None)
        if 'documents' in data_keys:
            data_keys.remove('documents')
            data__documents = data['documents']
            if not isinstance(data__documents, (list, tuple)):
                raise JsonSchemaValueException('type')
            data__documents_is_list = isinstance(data__documents, (list, tuple))
            if data__documents_is_list:
                data__documents_len = len(data__documents)
                if data__documents_len < 1:
                    raise JsonSchemaValueException('minItems')

                def fn(var):
                    return frozenset(dict(((k, fn(v)) for k, v in var.items())).items()) if hasattr(var, 'items') else tuple((fn(v) for v in var)) if isinstance(var, (dict, list)) else (bool, var) if isinstance(var, bool) else var
                if data__documents_len > len(set((fn(data__documents_x) for data__documents_x in data__documents))):
                    raise JsonSchemaValueException('uniqueItems')
                for data__documents_x, data__documents_item in enumerate(data__documents):
                    validate_https___ccmflow_invalid_schemas_process_schema_json___defs_slug(data__documents_item, custom_formats, None)
        if 'until' in data_keys:
            data_keys.remove('until')
            data__until = data['until']
            validate_https___ccmflow_invalid_schemas_process_schema_json___defs_slug(data__until, custom_formats, None)
        if 'note' in data_keys:
            data_keys.remove('note')
            data__note = data['note']
            if not isinstance(data__note, str):
                raise JsonSchemaValueException('type')
            if isinstance(data__note, str):
                data__note_len = len(data__note)
                if data__note_len < 1:
                    raise JsonSchemaValueException('minLength')
        if data_keys:
            raise JsonSchemaValueException('additionalProperties')
    return data

def validate_https___ccmflow_invalid_schemas_process_schema_json___defs_contact(data, custom_formats={}, name_prefix=None):
    if not isinstance(data, dict):
        raise JsonSchemaValueException('type')
    data_is_dict = isinstance(data, dict)
    if data_is_dict:
        data__missing_keys = set(['id', 'name', 'address']) - data.keys()
        if data__missing_keys:
            raise JsonSchemaValueException('required')
        data_keys = set(data.keys())
        if 'id' in data_keys:
            data_keys.remove('id')
            data__id = data['id']
            validate_https___ccmflow_invalid_schemas_process_schema_json___defs_slug(data__id, custom_formats, None)
        if 'name' in data_keys:
            data_keys.remove('name')
            data__name = data['name']
            if not isinstance(data__name, str):
                raise JsonSchemaValueException('type')
            if isinstance(data__name, str):
                data__name_len = len(data__name)
                if data__name_len < 1:
                    raise JsonSchemaValueException('minLength')
                if not REGEX_PATTERNS['\\S'].search(data__name):
                    raise JsonSchemaValueException('pattern')
        if 'address' in data_keys:
            data_keys.remove('address')
            data__address = data['address']
            validate_https___ccmflow_invalid_schemas_process_schema_json___defs_email(data__address, custom_formats, None)
        if 'stakeholder' in data_keys:
            data_keys.remove('stakeholder')
            data__stakeholder = data['stakeholder']
            validate_https___ccmflow_invalid_schemas_process_schema_json___defs_slug(data__stakeholder, custom_formats, None)
        if data_keys:
            raise JsonSchemaValueException('additionalProperties')
    return data

def validate_https___ccmflow_invalid_schemas_process_schema_json___defs_email(data, custom_formats={}, name_prefix=None):
    if not isinstance(data, str):
        raise JsonSchemaValueException('type')
    if isinstance(data, str):
        data_len = len(data)
        if data_len > 254:
            raise JsonSchemaValueException('maxLength')
        if not REGEX_PATTERNS['^[^@\\s]+@[^@\\s]+\\.[a-z]{2,}$'].search(data):
            raise JsonSchemaValueException('pattern')
    return data

def validate_https___ccmflow_invalid_schemas_process_schema_json___defs_milestone(data, custom_formats={}, name_prefix=None):
    if not isinstance(data, dict):
        raise JsonSchemaValueException('type')
    data_one_of_count1 = 0
    if data_one_of_count1 < 2:
        try:
            try:
                data_is_dict = isinstance(data, dict)
                if data_is_dict:
                    data__missing_keys = set(['approximate']) - data.keys()
                    if data__missing_keys:
                        raise JsonSchemaValueException('required')
            except (JsonSchemaValueException, JsonSchemaValuesException):
                pass
            else:
                raise JsonSchemaValueException('not')
            data_is_dict = isinstance(data, dict)
            if data_is_dict:
                data__missing_keys = set(['date']) - data.keys()
                if data__missing_keys:
                    raise JsonSchemaValueException('required')
            data_one_of_count1 += 1
        except (JsonSchemaValueException, JsonSchemaValuesException):
            pass
    if data_one_of_count1 < 2:
        try:
            try:
                data_any_of_count2 = 0
                if not data_any_of_count2:
                    try:
                        data_is_dict = isinstance(data, dict)
                        if data_is_dict:
                            data__missing_keys = set(['date']) - data.keys()
                            if data__missing_keys:
                                raise JsonSchemaValueException('required')
                        data_any_of_count2 += 1
                    except (JsonSchemaValueException, JsonSchemaValuesException):
                        pass
                if not data_any_of_count2:
                    try:
                        data_is_dict = isinstance(data, dict)
                        if data_is_dict:
                            data__missing_keys = set(['end']) - data.keys()
                            if data__missing_keys:
                                raise JsonSchemaValueException('required')
                        data_any_of_count2 += 1
                    except (JsonSchemaValueException, JsonSchemaValuesException):
                        pass
                if not data_any_of_count2:
                    raise JsonSchemaValueException('anyOf')
            except (JsonSchemaValueException, JsonSchemaValuesException):
                pass
            else:
                raise JsonSchemaValueException('not')
            data_is_dict = isinstance(data, dict)
            if data_is_dict:
                data__missing_keys = set(['approximate']) - data.keys()
                if data__missing_keys:
                    raise JsonSchemaValueException('required')
            data_one_of_count1 += 1
        except (JsonSchemaValueException, JsonSchemaValuesException):
            pass
    if data_one_of_count1 != 1:
        raise JsonSchemaValueException('oneOf')
    data_is_dict = isinstance(data, dict)
    if data_is_dict:
        data__missing_keys = set(['id', 'title', 'kind']) - data.keys()
        if data__missing_keys:
            raise JsonSchemaValueException('required')
        data_keys = set(data.keys())
        if 'id' in data_keys:
            data_keys.remove('id')
            data__id = data['id']
            validate_https___ccmflow_invalid_schemas_process_schema_json___defs_slug(data__id, custom_formats, None)
        if 'title' in data_keys:
            data_keys.remove('title')
            data__title = data['title']
            if not isinstance(data__title, str):
                raise JsonSchemaValueException('type')
            if isinstance(data__title, str):
                data__title_len = len(data__title)
                if data__title_len < 1:
                    raise JsonSchemaValueException('minLength')
        if 'kind' in data_keys:
            data_keys.remove('kind')
            data__kind = data['kind']
            if not (isinstance(data__kind, str) and data__kind == 'circulation' or (isinstance(data__kind, str) and data__kind == 'meeting') or (isinstance(data__kind, str) and data__kind == 'conference') or (isinstance(data__kind, str) and data__kind == 'deadline') or (isinstance(data__kind, str) and data__kind == 'other')):
                raise JsonSchemaValueException('enum')
        if 'document' in data_keys:
            data_keys.remove('document')
            data__document = data['document']
            validate_https___ccmflow_invalid_schemas_process_schema_json___defs_slug(data__document, custom_formats, None)
        if 'date' in data_keys:
            data_keys.remove('date')
            data__date = data['date']
            validate_https___ccmflow_invalid_schemas_process_schema_json___defs_date(data__date, custom_formats, None)
        if 'end' in data_keys:
            data_keys.remove('end')
            data__end = data['end']
            validate_https___ccmflow_invalid_schemas_process_schema_json___defs_date(data__end, custom_formats, None)
        if 'approximate' in data_keys:
            data_keys.remove('approximate')
            data__approximate = data['approximate']
            validate_https___ccmflow_invalid_schemas_process_schema_json___defs_approximate(data__approximate, custom_formats, None)
        if 'purpose' in data_keys:
            data_keys.remove('purpose')
            data__purpose = data['purpose']
            if not isinstance(data__purpose, str):
                raise JsonSchemaValueException('type')
            if isinstance(data__purpose, str):
                data__purpose_len = len(data__purpose)
                if data__purpose_len < 1:
                    raise JsonSchemaValueException('minLength')
        if 'documents' in data_keys:
            data_keys.remove('documents')
            data__documents = data['documents']
            if not isinstance(data__documents, (list, tuple)):
                raise JsonSchemaValueException('type')
            data__documents_is_list = isinstance(data__documents, (list, tuple))
            if data__documents_is_list:

                def fn(var):
                    return frozenset(dict(((k, fn(v)) for k, v in var.items())).items()) if hasattr(var, 'items') else tuple((fn(v) for v in var)) if isinstance(var, (dict, list)) else (bool, var) if isinstance(var, bool) else var
                data__documents_len = len(data__documents)
                if data__documents_len > len(set((fn(data__documents_x) for data__documents_x in data__documents))):
                    raise JsonSchemaValueException('uniqueItems')
                for data__documents_x, data__documents_item in enumerate(data__documents):
                    validate_https___ccmflow_invalid_schemas_process_schema_json___defs_stage(data__documents_item, custom_formats, None)
        if data_keys:
            raise JsonSchemaValueException('additionalProperties')
    return data

def validate_https___ccmflow_invalid_schemas_process_schema_json___defs_stage(data, custom_formats={}, name_prefix=None):
    if not isinstance(data, dict):
        raise JsonSchemaValueException('type')
    data_is_dict = isinstance(data, dict)
    if data_is_dict:
        data__missing_keys = set(['document']) - data.keys()
        if data__missing_keys:
            raise JsonSchemaValueException('required')
        data_keys = set(data.keys())
        if 'document' in data_keys:
            data_keys.remove('document')
            data__document = data['document']
            validate_https___ccmflow_invalid_schemas_process_schema_json___defs_slug(data__document, custom_formats, None)
        if 'version' in data_keys:
            data_keys.remove('version')
            data__version = data['version']
            validate_https___ccmflow_invalid_schemas_process_schema_json___defs_slug(data__version, custom_formats, None)
        if data_keys:
            raise JsonSchemaValueException('additionalProperties')
    return data

def validate_https___ccmflow_invalid_schemas_process_schema_json___defs_approximate(data, custom_formats={}, name_prefix=None):
    if not isinstance(data, dict):
        raise JsonSchemaValueException('type')
    data_is_dict = isinstance(data, dict)
    if data_is_dict:
        data__missing_keys = set(['month', 'part']) - data.keys()
        if data__missing_keys:
            raise JsonSchemaValueException('required')
        data_keys = set(data.keys())
        if 'month' in data_keys:
            data_keys.remove('month')
            data__month = data['month']
            if not isinstance(data__month, str):
                raise JsonSchemaValueException('type')
            if isinstance(data__month, str):
                if not REGEX_PATTERNS['^[0-9]{4}-[0-9]{2}$'].search(data__month):
                    raise JsonSchemaValueException('pattern')
        if 'part' in data_keys:
            data_keys.remove('part')
            data__part = data['part']
            if not (isinstance(data__part, str) and data__part == 'early' or (isinstance(data__part, str) and data__part == 'mid') or (isinstance(data__part, str) and data__part == 'late')):
                raise JsonSchemaValueException('enum')
        if data_keys:
            raise JsonSchemaValueException('additionalProperties')
    return data

def validate_https___ccmflow_invalid_schemas_process_schema_json___defs_window(data, custom_formats={}, name_prefix=None):
    if not isinstance(data, dict):
        raise JsonSchemaValueException('type')
    data_is_dict = isinstance(data, dict)
    if data_is_dict:
        data__missing_keys = set(['id', 'document', 'title', 'opens', 'closes']) - data.keys()
        if data__missing_keys:
            raise JsonSchemaValueException('required')
        data_keys = set(data.keys())
        if 'id' in data_keys:
            data_keys.remove('id')
            data__id = data['id']
            validate_https___ccmflow_invalid_schemas_process_schema_json___defs_slug(data__id, custom_formats, None)
        if 'document' in data_keys:
            data_keys.remove('document')
            data__document = data['document']
            validate_https___ccmflow_invalid_schemas_process_schema_json___defs_slug(data__document, custom_formats, None)
        if 'version' in data_keys:
            data_keys.remove('version')
            data__version = data['version']
            validate_https___ccmflow_invalid_schemas_process_schema_json___defs_slug(data__version, custom_formats, None)
        if 'title' in data_keys:
            data_keys.remove('title')
            data__title = data['title']
            if not isinstance(data__title, str):
                raise JsonSchemaValueException('type')
            if isinstance(data__title, str):
                data__title_len = len(data__title)
                if data__title_len < 1:
                    raise JsonSchemaValueException('minLength')
        if 'opens' in data_keys:
            data_keys.remove('opens')
            data__opens = data['opens']
            data__opens_one_of_count3 = 0
            if data__opens_one_of_count3 < 2:
                try:
                    validate_https___ccmflow_invalid_schemas_process_schema_json___defs_instant(data__opens, custom_formats, None)
                    data__opens_one_of_count3 += 1
                except (JsonSchemaValueException, JsonSchemaValuesException):
                    pass
            if data__opens_one_of_count3 < 2:
                try:
                    validate_https___ccmflow_invalid_schemas_process_schema_json___defs_approximate(data__opens, custom_formats, None)
                    data__opens_one_of_count3 += 1
                except (JsonSchemaValueException, JsonSchemaValuesException):
                    pass
            if data__opens_one_of_count3 != 1:
                raise JsonSchemaValueException('oneOf')
        if 'opened' in data_keys:
            data_keys.remove('opened')
            data__opened = data['opened']
            data__opened_one_of_count4 = 0
            if data__opened_one_of_count4 < 2:
                try:
                    validate_https___ccmflow_invalid_schemas_process_schema_json___defs_date(data__opened, custom_formats, None)
                    data__opened_one_of_count4 += 1
                except (JsonSchemaValueException, JsonSchemaValuesException):
                    pass
            if data__opened_one_of_count4 < 2:
                try:
                    if not isinstance(data__opened, str):
                        raise JsonSchemaValueException('type')
                    if isinstance(data__opened, str):
                        if not REGEX_PATTERNS['^[0-9]{4}-[0-9]{2}-[0-9]{2}[T ][0-9]{2}:[0-9]{2}(:[0-9]{2})?$'].search(data__opened):
                            raise JsonSchemaValueException('pattern')
                    data__opened_one_of_count4 += 1
                except (JsonSchemaValueException, JsonSchemaValuesException):
                    pass
            if data__opened_one_of_count4 != 1:
                raise JsonSchemaValueException('oneOf')
        if 'closes' in data_keys:
            data_keys.remove('closes')
            data__closes = data['closes']
            validate_https___ccmflow_invalid_schemas_process_schema_json___defs_instant(data__closes, custom_formats, None)
        if 'late_policy' in data_keys:
            data_keys.remove('late_policy')
            data__latepolicy = data['late_policy']
            if not (isinstance(data__latepolicy, str) and data__latepolicy == 'flag' or (isinstance(data__latepolicy, str) and data__latepolicy == 'close')):
                raise JsonSchemaValueException('enum')
        if data_keys:
            raise JsonSchemaValueException('additionalProperties')
    return data

def validate_https___ccmflow_invalid_schemas_process_schema_json___defs_instant(data, custom_formats={}, name_prefix=None):
    data_one_of_count5 = 0
    if data_one_of_count5 < 2:
        try:
            validate_https___ccmflow_invalid_schemas_process_schema_json___defs_date(data, custom_formats, None)
            data_one_of_count5 += 1
        except (JsonSchemaValueException, JsonSchemaValuesException):
            pass
    if data_one_of_count5 < 2:
        try:
            if not isinstance(data, str):
                raise JsonSchemaValueException('type')
            if isinstance(data, str):
                if not REGEX_PATTERNS['^[0-9]{4}-[0-9]{2}-[0-9]{2}[T ][0-9]{2}:[0-9]{2}(:[0-9]{2})?$'].search(data):
                    raise JsonSchemaValueException('pattern')
            data_one_of_count5 += 1
        except (JsonSchemaValueException, JsonSchemaValuesException):
            pass
    if data_one_of_count5 < 2:
        try:
            if not (isinstance(data, str) and data == 'to be announced'):
                raise JsonSchemaValueException('const')
            data_one_of_count5 += 1
        except (JsonSchemaValueException, JsonSchemaValuesException):
            pass
    if data_one_of_count5 != 1:
        raise JsonSchemaValueException('oneOf')
    return data

def validate_https___ccmflow_invalid_schemas_process_schema_json___defs_slug(data, custom_formats={}, name_prefix=None):
    if not isinstance(data, str):
        raise JsonSchemaValueException('type')
    if isinstance(data, str):
        data_len = len(data)
        if data_len > 64:
            raise JsonSchemaValueException('maxLength')
        if not REGEX_PATTERNS['^[a-z][a-z0-9]*(-[a-z0-9]+)*$'].search(data):
            raise JsonSchemaValueException('pattern')
    return data

def validate_https___ccmflow_invalid_schemas_process_schema_json___defs_date(data, custom_formats={}, name_prefix=None):
    if not isinstance(data, str):
        raise JsonSchemaValueException('type')
    if isinstance(data, str):
        if not REGEX_PATTERNS['^[0-9]{4}-[0-9]{2}-[0-9]{2}$'].search(data):
            raise JsonSchemaValueException('pattern')
    return data


validate = validate_https___ccmflow_invalid_schemas_process_schema_json
DEFINITIONS = {
    "channel": validate_https___ccmflow_invalid_schemas_process_schema_json___defs_channel,
    "contact": validate_https___ccmflow_invalid_schemas_process_schema_json___defs_contact,
    "email": validate_https___ccmflow_invalid_schemas_process_schema_json___defs_email,
    "milestone": validate_https___ccmflow_invalid_schemas_process_schema_json___defs_milestone,
    "stage": validate_https___ccmflow_invalid_schemas_process_schema_json___defs_stage,
    "approximate": validate_https___ccmflow_invalid_schemas_process_schema_json___defs_approximate,
    "window": validate_https___ccmflow_invalid_schemas_process_schema_json___defs_window,
    "instant": validate_https___ccmflow_invalid_schemas_process_schema_json___defs_instant,
    "slug": validate_https___ccmflow_invalid_schemas_process_schema_json___defs_slug,
    "date": validate_https___ccmflow_invalid_schemas_process_schema_json___defs_date,
}
