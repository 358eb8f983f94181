# Generated from ccmflow/schemas/dispositions.schema.json by `python -m ccmflow.read.schemagen` (fastjsonschema 2.22.3): do not edit.
# ruff: noqa
# mypy: ignore-errors
SCHEMA_TEXT = '{\n  "$schema": "https://json-schema.org/draft/2020-12/schema",\n  "$id": "https://ccmflow.invalid/schemas/dispositions.schema.json",\n  "title": "ccmflow disposition register",\n  "description": "What became of every input of one window in the version it led to (written by ccmflow consolidate; the presidency edits the reasons).",\n  "type": "object",\n  "additionalProperties": false,\n  "required": ["window", "document", "version", "inputs"],\n  "properties": {\n    "window": {"$ref": "#/$defs/slug", "description": "The submission window (process.yaml) the inputs were made to."},\n    "document": {"$ref": "#/$defs/slug", "description": "The document id."},\n    "version": {"$ref": "#/$defs/slug", "description": "The version the inputs were consolidated into."},\n    "inputs": {"type": "array", "items": {"$ref": "#/$defs/input"}}\n  },\n  "$defs": {\n    "slug": {"type": "string", "pattern": "^[a-z][a-z0-9]*(-[a-z0-9]+)*$", "description": "use lower-case letters and digits, words joined by single hyphens, starting with a letter (e.g. review-document)", "maxLength": 64},\n    "input": {\n      "type": "object",\n      "additionalProperties": false,\n      "required": ["input", "outcome", "reason"],\n      "properties": {\n        "input": {"type": "string", "pattern": "^[a-z0-9][a-z0-9-]*$", "description": "The input, e.g. pr-12."},\n        "title": {"type": "string"},\n        "stakeholder": {"type": "string", "description": "The delegation or organisation it came from (stakeholders.yaml id)."},\n        "joint": {"type": "array", "items": {"type": "string"}, "uniqueItems": true, "description": "The other delegations of a joint input (stakeholders.yaml ids)."},\n        "proposed": {"type": "array", "items": {"type": "string"}, "uniqueItems": true, "description": "Delegations the input names as co-sponsors that did not confirm it (stakeholders.yaml ids): never credited."},\n        "received": {"type": ["string", "null"], "description": "When the version that counts was received (ISO 8601, UTC): GitHub\'s time, or the time of receipt the support unit attested."},\n        "received_by": {"enum": ["github", "issue-form", "e-mail"], "description": "How the input came in."},\n        "attested": {"type": "boolean", "description": "The time of receipt was attested by an account with the record-input role."},\n        "timing": {"enum": ["on-time", "early", "no-deadline", "no-window", "late", "late-accepted", "unknown"], "description": "Where the input stood against the window\'s deadline."},\n        "kinds": {"type": "array", "items": {"enum": ["amend", "insert", "delete", "move", "remark"]}, "uniqueItems": true, "description": "What the input asked for."},\n        "justification": {"type": "string", "description": "Why, in the delegation\'s words."},\n        "outcome": {"enum": ["incorporated", "partly-incorporated", "not-retained", "superseded", "noted"]},\n        "reason": {"type": "string", "minLength": 1, "pattern": "\\\\S", "description": "A short reason; the presidency may edit it."},\n        "paragraphs": {\n          "type": "array",\n          "items": {"type": "string", "pattern": "^[a-z0-9][a-z0-9-]{2,39}$", "description": "a paragraph id: 3 to 40 lower-case letters, digits or hyphens, as in the document (e.g. pkp3nvcv)"},\n          "uniqueItems": true,\n          "description": "Ids of the paragraphs the input led to in this version."\n        },\n        "superseded_by": {"type": "array", "items": {"type": "string", "pattern": "^[a-z0-9][a-z0-9-]*$", "description": "an input\'s name, such as pr-12: lower-case letters, digits and hyphens"}, "uniqueItems": true}\n      }\n    }\n  }\n}\n'
VERSION = '2.22.3'
import re
from ccmflow.read.validators import JsonSchemaValueException, JsonSchemaValuesException, LazyPatterns
REGEX_PATTERNS = LazyPatterns({'^[a-z0-9][a-z0-9-]*$': '^[a-z0-9][a-z0-9-]*\\Z', '\\S': '\\S', '^[a-z0-9][a-z0-9-]{2,39}$': '^[a-z0-9][a-z0-9-]{2,39}\\Z', '^[a-z][a-z0-9]*(-[a-z0-9]+)*$': '^[a-z][a-z0-9]*(-[a-z0-9]+)*\\Z'})
NoneType = type(None)

def validate_https___ccmflow_invalid_schemas_dispositions_schema_json(data, custom_formats={}, name_prefix=None):
    if not isinstance(data, dict):
        raise JsonSchemaValueException('type')
    data_is_dict = isinstance(data, dict)
    if data_is_dict:
        data__missing_keys = set(['window', 'document', 'version', 'inputs']) - data.keys()
        if data__missing_keys:
            raise JsonSchemaValueException('required')
        data_keys = set(data.keys())
        if 'window' in data_keys:
            data_keys.remove('window')
            data__window = data['window']
            validate_https___ccmflow_invalid_schemas_dispositions_schema_json___defs_slug(data__window, custom_formats, None)
        if 'document' in data_keys:
            data_keys.remove('document')
            data__document = data['document']
            validate_https___ccmflow_invalid_schemas_dispositions_schema_json___defs_slug(data__document, custom_formats, None)
        if 'version' in data_keys:
            data_keys.remove('version')
            data__version = data['version']
            validate_https___ccmflow_invalid_schemas_dispositions_schema_json___defs_slug(data__version, custom_formats, None)
        if 'inputs' in data_keys:
            data_keys.remove('inputs')
            data__inputs = data['inputs']
            if not isinstance(data__inputs, (list, tuple)):
                raise JsonSchemaValueException('type')
            data__inputs_is_list = isinstance(data__inputs, (list, tuple))
            if data__inputs_is_list:
                data__inputs_len = len(data__inputs)
                for data__inputs_x, data__inputs_item in enumerate(data__inputs):
                    validate_https___ccmflow_invalid_schemas_dispositions_schema_json___defs_input(data__inputs_item, custom_formats, None)
        if data_keys:
            raise JsonSchemaValueException('additionalProperties')
    return data

def validate_https___ccmflow_invalid_schemas_dispositions_schema_json___defs_input(data, custom_formats={}, name_prefix=None):
    if not isinstance(data, dict):
        raise JsonSchemaValueException('type')
    data_is_dict = isinstance(data, dict)
    if data_is_dict:
        data__missing_keys = set(['input', 'outcome', 'reason']) - data.keys()
        if data__missing_keys:
            raise JsonSchemaValueException('required')
        data_keys = set(data.keys())
        if 'input' in data_keys:
            data_keys.remove('input')
            data__input = data['input']
            if not isinstance(data__input, str):
                raise JsonSchemaValueException('type')
            if isinstance(data__input, str):
                if not REGEX_PATTERNS['^[a-z0-9][a-z0-9-]*$'].search(data__input):
                    raise JsonSchemaValueException('pattern')
        if 'title' in data_keys:
            data_keys.remove('title')
            data__title = data['title']
            if not isinstance(data__title, str):
                raise JsonSchemaValueException('type')
        if 'stakeholder' in data_keys:
            data_keys.remove('stakeholder')
            data__stakeholder = data['stakeholder']
            if not isinstance(data__stakeholder, str):
                raise JsonSchemaValueException('type')
        if 'joint' in data_keys:
            data_keys.remove('joint')
            data__joint = data['joint']
            if not isinstance(data__joint, (list, tuple)):
                raise JsonSchemaValueException('type')
            data__joint_is_list = isinstance(data__joint, (list, tuple))
            if data__joint_is_list:

                def fn(var):
                    return frozenset(dict(((k, fn(v)) for k, v in var.items())).items()) if hasattr(var, 'items') else tuple((fn(v) for v in var)) if isinstance(var, (dict, list)) else (bool, var) if isinstance(var, bool) else var
                data__joint_len = len(data__joint)
                if data__joint_len > len(set((fn(data__joint_x) for data__joint_x in data__joint))):
                    raise JsonSchemaValueException('uniqueItems')
                for data__joint_x, data__joint_item in enumerate(data__joint):
                    if not isinstance(data__joint_item, str):
                        raise JsonSchemaValueException('type')
        if 'proposed' in data_keys:
            data_keys.remove('proposed')
            data__proposed = data['proposed']
            if not isinstance(data__proposed, (list, tuple)):
                raise JsonSchemaValueException('type')
            data__proposed_is_list = isinstance(data__proposed, (list, tuple))
            if data__proposed_is_list:

                def fn(var):
                    return frozenset(dict(((k, fn(v)) for k, v in var.items())).items()) if hasattr(var, 'items') else tuple((fn(v) for v in var)) if isinstance(var, (dict, list)) else (bool, var) if isinstance(var, bool) else var
                data__proposed_len = len(data__proposed)
                if data__proposed_len > len(set((fn(data__proposed_x) for data__proposed_x in data__proposed))):
                    raise JsonSchemaValueException('uniqueItems')
                for data__proposed_x, data__proposed_item in enumerate(data__proposed):
                    if not isinstance(data__proposed_item, str):
                        raise JsonSchemaValueException('type')
        if 'received' in data_keys:
            data_keys.remove('received')
            data__received = data['received']
            if not isinstance(data__received, (str, NoneType)):
                raise JsonSchemaValueException('type')
        if 'received_by' in data_keys:
            data_keys.remove('received_by')
            data__receivedby = data['received_by']
            if not (isinstance(data__receivedby, str) and data__receivedby == 'github' or (isinstance(data__receivedby, str) and data__receivedby == 'issue-form') or (isinstance(data__receivedby, str) and data__receivedby == 'e-mail')):
                raise JsonSchemaValueException('enum')
        if 'attested' in data_keys:
            data_keys.remove('attested')
            data__attested = data['attested']
            if not isinstance(data__attested, bool):
                raise JsonSchemaValueException('type')
        if 'timing' in data_keys:
            data_keys.remove('timing')
            data__timing = data['timing']
            if not (isinstance(data__timing, str) and data__timing == 'on-time' or (isinstance(data__timing, str) and data__timing == 'early') or (isinstance(data__timing, str) and data__timing == 'no-deadline') or (isinstance(data__timing, str) and data__timing == 'no-window') or (isinstance(data__timing, str) and data__timing == 'late') or (isinstance(data__timing, str) and data__timing == 'late-accepted') or (isinstance(data__timing, str) and data__timing == 'unknown')):
                raise JsonSchemaValueException('enum')
        if 'kinds' in data_keys:
            data_keys.remove('kinds')
            data__kinds = data['kinds']
            if not isinstance(data__kinds, (list, tuple)):
                raise JsonSchemaValueException('type')
            data__kinds_is_list = isinstance(data__kinds, (list, tuple))
            if data__kinds_is_list:

                def fn(var):
                    return frozenset(dict(((k, fn(v)) for k, v in var.items())).items()) if hasattr(var, 'items') else tuple((fn(v) for v in var)) if isinstance(var, (dict, list)) else (bool, var) if isinstance(var, bool) else var
                data__kinds_len = len(data__kinds)
                if data__kinds_len > len(set((fn(data__kinds_x) for data__kinds_x in data__kinds))):
                    raise JsonSchemaValueException('uniqueItems')
                for data__kinds_x, data__kinds_item in enumerate(data__kinds):
                    if not (isinstance(data__kinds_item, str) and data__kinds_item == 'amend' or (isinstance(data__kinds_item, str) and data__kinds_item == 'insert') or (isinstance(data__kinds_item, str) and data__kinds_item == 'delete') or (isinstance(data__kinds_item, str) and data__kinds_item == 'move') or (isinstance(data__kinds_item, str) and data__kinds_item == 'remark')):
                        raise JsonSchemaValueException('enum')
        if 'justification' in data_keys:
            data_keys.remove('justification')
            data__justification = data['justification']
            if not isinstance(data__justification, str):
                raise JsonSchemaValueException('type')
        if 'outcome' in data_keys:
            data_keys.remove('outcome')
            data__outcome = data['outcome']
            if not (isinstance(data__outcome, str) and data__outcome == 'incorporated' or (isinstance(data__outcome, str) and data__outcome == 'partly-incorporated') or (isinstance(data__outcome, str) and data__outcome == 'not-retained') or (isinstance(data__outcome, str) and data__outcome == 'superseded') or (isinstance(data__outcome, str) and data__outcome == 'noted')):
                raise JsonSchemaValueException('enum')
        if 'reason' in data_keys:
            data_keys.remove('reason')
            data__reason = data['reason']
            if not isinstance(data__reason, str):
                raise JsonSchemaValueException('type')
            if isinstance(data__reason, str):
                data__reason_len = len(data__reason)
                if data__reason_len < 1:
                    raise JsonSchemaValueException('minLength')
                if not REGEX_PATTERNS['\\S'].search(data__reason):
                    raise JsonSchemaValueException('pattern')
        if 'paragraphs' in data_keys:
            data_keys.remove('paragraphs')
            data__paragraphs = data['paragraphs']
            if not isinstance(data__paragraphs, (list, tuple)):
                raise JsonSchemaValueException('type')
            data__paragraphs_is_list = isinstance(data__paragraphs, (list, tuple))
            if data__paragraphs_is_list:

                def fn(var):
                    return frozenset(dict(((k, fn(v)) for k, v in var.items())).items()) if hasattr(var, 'items') else tuple((fn(v) for v in var)) if isinstance(var, (dict, list)) else (bool, var) if isinstance(var, bool) else var
                data__paragraphs_len = len(data__paragraphs)
                if data__paragraphs_len > len(set((fn(data__paragraphs_x) for data__paragraphs_x in data__paragraphs))):
                    raise JsonSchemaValueException('uniqueItems')
                for data__paragraphs_x, data__paragraphs_item in enumerate(data__paragraphs):
                    if not isinstance(data__paragraphs_item, str):
                        raise JsonSchemaValueException('type')
                    if isinstance(data__paragraphs_item, str):
                        if not REGEX_PATTERNS['^[a-z0-9][a-z0-9-]{2,39}$'].search(data__paragraphs_item):
                            raise JsonSchemaValueException('pattern')
        if 'superseded_by' in data_keys:
            data_keys.remove('superseded_by')
            data__supersededby = data['superseded_by']
            if not isinstance(data__supersededby, (list, tuple)):
                raise JsonSchemaValueException('type')
            data__supersededby_is_list = isinstance(data__supersededby, (list, tuple))
            if data__supersededby_is_list:

                def fn(var):
                    return frozenset(dict(((k, fn(v)) for k, v in var.items())).items()) if hasattr(var, 'items') else tuple((fn(v) for v in var)) if isinstance(var, (dict, list)) else (bool, var) if isinstance(var, bool) else var
                data__supersededby_len = len(data__supersededby)
                if data__supersededby_len > len(set((fn(data__supersededby_x) for data__supersededby_x in data__supersededby))):
                    raise JsonSchemaValueException('uniqueItems')
                for data__supersededby_x, data__supersededby_item in enumerate(data__supersededby):
                    if not isinstance(data__supersededby_item, str):
                        raise JsonSchemaValueException('type')
                    if isinstance(data__supersededby_item, str):
                        if not REGEX_PATTERNS['^[a-z0-9][a-z0-9-]*$'].search(data__supersededby_item):
                            raise JsonSchemaValueException('pattern')
        if data_keys:
            raise JsonSchemaValueException('additionalProperties')
    return data

def validate_https___ccmflow_invalid_schemas_dispositions_schema_json___defs_slug(data, custom_formats={}, name_prefix=None):
    if not isinstance(data, str):
        raise JsonSchemaValueException('type')
    if isinstance(data, str):
        data_len = len(data)
        if data_len > 64:
            raise JsonSchemaValueException('maxLength')
        if not REGEX_PATTERNS['^[a-z][a-z0-9]*(-[a-z0-9]+)*$'].search(data):
            raise JsonSchemaValueException('pattern')
    return data


validate = validate_https___ccmflow_invalid_schemas_dispositions_schema_json
DEFINITIONS = {
    "input": validate_https___ccmflow_invalid_schemas_dispositions_schema_json___defs_input,
    "slug": validate_https___ccmflow_invalid_schemas_dispositions_schema_json___defs_slug,
}
