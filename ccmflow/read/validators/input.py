# Generated from ccmflow/schemas/input.schema.json by `python -m ccmflow.read.schemagen` (fastjsonschema 2.22.3): do not edit.
# ruff: noqa
# mypy: ignore-errors
SCHEMA_TEXT = '{\n  "$schema": "https://json-schema.org/draft/2020-12/schema",\n  "$id": "https://ccmflow.invalid/schemas/input.schema.json",\n  "title": "ccmflow input record",\n  "description": "One input\'s metadata, kept beside the change it makes: documents/inputs/<document>/<id>.yaml.",\n  "type": "object",\n  "additionalProperties": false,\n  "required": ["input"],\n  "properties": {\n    "input": {\n      "type": "object",\n      "additionalProperties": false,\n      "required": ["id", "document", "kind", "on_behalf_of"],\n      "properties": {\n        "id": {"type": "string", "pattern": "^[a-z0-9][a-z0-9-]*$", "maxLength": 80, "description": "The input\'s id, also the file\'s name: lower-case letters, digits and hyphens, not starting with a hyphen."},\n        "document": {"$ref": "#/$defs/slug"},\n        "kind": {"enum": ["amend", "insert", "delete", "remark", "changes", "position"],\n          "description": "changes: several amendments, insertions and deletions at once, listed under changes. position: an explanation of position or a reservation on an adopted document, citing paragraphs under paragraphs; it changes no text."},\n        "position": {"enum": ["explanation", "reservation"], "description": "kind position: an explanation of position, or a reservation."},\n        "paragraphs": {"type": "array", "minItems": 1, "uniqueItems": true, "items": {"type": "string", "pattern": "^[a-z0-9][a-z0-9-]{2,39}$", "description": "A paragraph id (3 to 40 lower-case letters, digits or hyphens)."},\n          "description": "kind position: the ids of the paragraphs it is about."},\n        "on_behalf_of": {"type": "array", "minItems": 1, "uniqueItems": true, "items": {"$ref": "#/$defs/slug"},\n          "description": "Registry ids of every delegation the input is made for (several for a joint input)."},\n        "paragraph": {"type": "string", "pattern": "^[a-z0-9][a-z0-9-]{2,39}$",\n          "description": "A paragraph id (3 to 40 lower-case letters, digits or hyphens). amend, delete: the paragraph; insert: the paragraph the new one follows; remark: optional."},\n        "section": {"$ref": "#/$defs/slug", "description": "remark: the section it is about; none for the whole document."},\n        "remark": {"type": "string", "minLength": 1, "pattern": "\\\\S", "description": "The remark: some text, not only spaces."},\n        "justification": {"type": "string"},\n        "channel": {"enum": ["github", "issue-form", "e-mail"]},\n        "received": {"type": "string", "pattern": "^\\\\d{4}-\\\\d{2}-\\\\d{2}T\\\\d{2}:\\\\d{2}(:\\\\d{2}(\\\\.\\\\d+)?)?(Z|[+-]\\\\d{2}:\\\\d{2})$",\n          "description": "When the input was received outside GitHub, as YYYY-MM-DDTHH:MM with its UTC offset (e.g. 2020-05-04T18:30+02:00); honoured only from an account with the record-input role."},\n        "reference": {"type": "string"},\n        "issue": {"type": "integer", "minimum": 1},\n        "changes": {"type": "array", "minItems": 2, "items": {"$ref": "#/$defs/change"},\n          "description": "kind changes: each change, in the order it is made (a marked-up Word file read back)."}\n      },\n      "allOf": [\n        {"if": {"properties": {"kind": {"enum": ["remark", "position"]}}}, "then": {"required": ["remark"]},\n         "else": {"not": {"required": ["remark"]}}},\n        {"if": {"properties": {"kind": {"const": "position"}}},\n         "then": {"required": ["position", "paragraphs"], "not": {"anyOf": [{"required": ["paragraph"]}, {"required": ["section"]}]}},\n         "else": {"not": {"anyOf": [{"required": ["position"]}, {"required": ["paragraphs"]}]}}},\n        {"if": {"properties": {"kind": {"const": "changes"}}},\n         "then": {"required": ["changes"], "not": {"anyOf": [{"required": ["paragraph"]}, {"required": ["section"]},\n                                                             {"required": ["justification"]}]}},\n         "else": {"not": {"required": ["changes"]}}},\n        {"if": {"properties": {"kind": {"enum": ["amend", "insert", "delete"]}}}, "then": {"required": ["paragraph"]}}\n      ]\n    }\n  },\n  "$defs": {\n    "change": {"type": "object", "additionalProperties": false, "required": ["kind", "paragraph"],\n      "properties": {\n        "kind": {"enum": ["amend", "insert", "delete"]},\n        "paragraph": {"type": "string", "pattern": "^[a-z0-9][a-z0-9-]{2,39}$",\n          "description": "A paragraph id (3 to 40 lower-case letters, digits or hyphens). amend, delete: the paragraph; insert: the paragraph the new one follows."},\n        "justification": {"type": "string"}\n      }},\n    "slug": {"type": "string", "pattern": "^[a-z][a-z0-9]*(-[a-z0-9]+)*$", "maxLength": 64,\n      "description": "An id: lower-case letters and digits in words joined by single hyphens, starting with a letter (e.g. state-party)."}\n  }\n}\n'
VERSION = '2.22.3'
from decimal import Decimal
import re
from ccmflow.read.validators import JsonSchemaValueException, JsonSchemaValuesException, LazyPatterns
REGEX_PATTERNS = LazyPatterns({'^[a-z0-9][a-z0-9-]*$': '^[a-z0-9][a-z0-9-]*\\Z', '^[a-z0-9][a-z0-9-]{2,39}$': '^[a-z0-9][a-z0-9-]{2,39}\\Z', '\\S': '\\S', '^\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}(:\\d{2}(\\.\\d+)?)?(Z|[+-]\\d{2}:\\d{2})$': '^\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}(:\\d{2}(\\.\\d+)?)?(Z|[+-]\\d{2}:\\d{2})\\Z', '^[a-z][a-z0-9]*(-[a-z0-9]+)*$': '^[a-z][a-z0-9]*(-[a-z0-9]+)*\\Z'})
NoneType = type(None)

def validate_https___ccmflow_invalid_schemas_input_schema_json(data, custom_formats={}, name_prefix=None):
    if not isinstance(data, dict):
        raise JsonSchemaValueException('type')
    data_is_dict = isinstance(data, dict)
    if data_is_dict:
        data__missing_keys = set(['input']) - data.keys()
        if data__missing_keys:
            raise JsonSchemaValueException('required')
        data_keys = set(data.keys())
        if 'input' in data_keys:
            data_keys.remove('input')
            data__input = data['input']
            if not isinstance(data__input, dict):
                raise JsonSchemaValueException('type')
            try:
                data__input_is_dict = isinstance(data__input, dict)
                if data__input_is_dict:
                    data__input_keys = set(data__input.keys())
                    if 'kind' in data__input_keys:
                        data__input_keys.remove('kind')
                        data__input__kind = data__input['kind']
                        if not (isinstance(data__input__kind, str) and data__input__kind == 'remark' or (isinstance(data__input__kind, str) and data__input__kind == 'position')):
                            raise JsonSchemaValueException('enum')
            except (JsonSchemaValueException, JsonSchemaValuesException):
                try:
                    data__input_is_dict = isinstance(data__input, dict)
                    if data__input_is_dict:
                        data__input__missing_keys = set(['remark']) - data__input.keys()
                        if data__input__missing_keys:
                            raise JsonSchemaValueException('required')
                except (JsonSchemaValueException, JsonSchemaValuesException):
                    pass
                else:
                    raise JsonSchemaValueException('not')
            else:
                data__input_is_dict = isinstance(data__input, dict)
                if data__input_is_dict:
                    data__input__missing_keys = set(['remark']) - data__input.keys()
                    if data__input__missing_keys:
                        raise JsonSchemaValueException('required')
            try:
                data__input_is_dict = isinstance(data__input, dict)
                if data__input_is_dict:
                    data__input_keys = set(data__input.keys())
                    if 'kind' in data__input_keys:
                        data__input_keys.remove('kind')
                        data__input__kind = data__input['kind']
                        if not (isinstance(data__input__kind, str) and data__input__kind == 'position'):
                            raise JsonSchemaValueException('const')
            except (JsonSchemaValueException, JsonSchemaValuesException):
                try:
                    data__input_any_of_count1 = 0
                    if not data__input_any_of_count1:
                        try:
                            data__input_is_dict = isinstance(data__input, dict)
                            if data__input_is_dict:
                                data__input__missing_keys = set(['position']) - data__input.keys()
                                if data__input__missing_keys:
                                    raise JsonSchemaValueException('required')
                            data__input_any_of_count1 += 1
                        except (JsonSchemaValueException, JsonSchemaValuesException):
                            pass
                    if not data__input_any_of_count1:
                        try:
                            data__input_is_dict = isinstance(data__input, dict)
                            if data__input_is_dict:
                                data__input__missing_keys = set(['paragraphs']) - data__input.keys()
                                if data__input__missing_keys:
                                    raise JsonSchemaValueException('required')
                            data__input_any_of_count1 += 1
                        except (JsonSchemaValueException, JsonSchemaValuesException):
                            pass
                    if not data__input_any_of_count1:
                        raise JsonSchemaValueException('anyOf')
                except (JsonSchemaValueException, JsonSchemaValuesException):
                    pass
                else:
                    raise JsonSchemaValueException('not')
            else:
                try:
                    data__input_any_of_count2 = 0
                    if not data__input_any_of_count2:
                        try:
                            data__input_is_dict = isinstance(data__input, dict)
                            if data__input_is_dict:
                                data__input__missing_keys = set(['paragraph']) - data__input.keys()
                                if data__input__missing_keys:
                                    raise JsonSchemaValueException('required')
                            data__input_any_of_count2 += 1
                        except (JsonSchemaValueException, JsonSchemaValuesException):
                            pass
                    if not data__input_any_of_count2:
                        try:
                            data__input_is_dict = isinstance(data__input, dict)
                            if data__input_is_dict:
                                data__input__missing_keys = set(['section']) - data__input.keys()
                                if data__input__missing_keys:
                                    raise JsonSchemaValueException('required')
                            data__input_any_of_count2 += 1
                        except (JsonSchemaValueException, JsonSchemaValuesException):
                            pass
                    if not data__input_any_of_count2:
                        raise JsonSchemaValueException('anyOf')
                except (JsonSchemaValueException, JsonSchemaValuesException):
                    pass
                else:
                    raise JsonSchemaValueException('not')
                data__input_is_dict = isinstance(data__input, dict)
                if data__input_is_dict:
                    data__input__missing_keys = set(['position', 'paragraphs']) - data__input.keys()
                    if data__input__missing_keys:
                        raise JsonSchemaValueException('required')
            try:
                data__input_is_dict = isinstance(data__input, dict)
                if data__input_is_dict:
                    data__input_keys = set(data__input.keys())
                    if 'kind' in data__input_keys:
                        data__input_keys.remove('kind')
                        data__input__kind = data__input['kind']
                        if not (isinstance(data__input__kind, str) and data__input__kind == 'changes'):
                            raise JsonSchemaValueException('const')
            except (JsonSchemaValueException, JsonSchemaValuesException):
                try:
                    data__input_is_dict = isinstance(data__input, dict)
                    if data__input_is_dict:
                        data__input__missing_keys = set(['changes']) - data__input.keys()
                        if data__input__missing_keys:
                            raise JsonSchemaValueException('required')
                except (JsonSchemaValueException, JsonSchemaValuesException):
                    pass
                else:
                    raise JsonSchemaValueException('not')
            else:
                try:
                    data__input_any_of_count3 = 0
                    if not data__input_any_of_count3:
                        try:
                            data__input_is_dict = isinstance(data__input, dict)
                            if data__input_is_dict:
                                data__input__missing_keys = set(['paragraph']) - data__input.keys()
                                if data__input__missing_keys:
                                    raise JsonSchemaValueException('required')
                            data__input_any_of_count3 += 1
                        except (JsonSchemaValueException, JsonSchemaValuesException):
                            pass
                    if not data__input_any_of_count3:
                        try:
                            data__input_is_dict = isinstance(data__input, dict)
                            if data__input_is_dict:
                                data__input__missing_keys = set(['section']) - data__input.keys()
                                if data__input__missing_keys:
                                    raise JsonSchemaValueException('required')
                            data__input_any_of_count3 += 1
                        except (JsonSchemaValueException, JsonSchemaValuesException):
                            pass
                    if not data__input_any_of_count3:
                        try:
                            data__input_is_dict = isinstance(data__input, dict)
                            if data__input_is_dict:
                                data__input__missing_keys = set(['justification']) - data__input.keys()
                                if data__input__missing_keys:
                                    raise JsonSchemaValueException('required')
                            data__input_any_of_count3 += 1
                        except (JsonSchemaValueException, JsonSchemaValuesException):
                            pass
                    if not data__input_any_of_count3:
                        raise JsonSchemaValueException('anyOf')
                except (JsonSchemaValueException, JsonSchemaValuesException):
                    pass
                else:
                    raise JsonSchemaValueException('not')
                data__input_is_dict = isinstance(data__input, dict)
                if data__input_is_dict:
                    data__input__missing_keys = set(['changes']) - data__input.keys()
                    if data__input__missing_keys:
                        raise JsonSchemaValueException('required')
            try:
                data__input_is_dict = isinstance(data__input, dict)
                if data__input_is_dict:
                    data__input_keys = set(data__input.keys())
                    if 'kind' in data__input_keys:
                        data__input_keys.remove('kind')
                        data__input__kind = data__input['kind']
                        if not (isinstance(data__input__kind, str) and data__input__kind == 'amend' or (isinstance(data__input__kind, str) and data__input__kind == 'insert') or (isinstance(data__input__kind, str) and data__input__kind == 'delete')):
                            raise JsonSchemaValueException('enum')
            except (JsonSchemaValueException, JsonSchemaValuesException):
                pass
            else:
                data__input_is_dict = isinstance(data__input, dict)
                if data__input_is_dict:
                    data__input__missing_keys = set(['paragraph']) - data__input.keys()
                    if data__input__missing_keys:
                        raise JsonSchemaValueException('required')
            data__input_is_dict = isinstance(data__input, dict)
            if data__input_is_dict:
                data__input__missing_keys = set(['id', 'document', 'kind', 'on_behalf_of']) - data__input.keys()
                if data__input__missing_keys:
                    raise JsonSchemaValueException('required')
                data__input_keys = set(data__input.keys())
                if 'id' in data__input_keys:
                    data__input_keys.remove('id')
                    data__input__id = data__input['id']
                    if not isinstance(data__input__id, str):
                        raise JsonSchemaValueException('type')
                    if isinstance(data__input__id, str):
                        data__input__id_len = len(data__input__id)
                        if data__input__id_len > 80:
                            raise JsonSchemaValueException('maxLength')
                        if not REGEX_PATTERNS['^[a-z0-9][a-z0-9-]*$'].search(data__input__id):
                            raise JsonSchemaValueException('pattern')
                if 'document' in data__input_keys:
                    data__input_keys.remove('document')
                    data__input__document = data__input['document']
                    validate_https___ccmflow_invalid_schemas_input_schema_json___defs_slug(data__input__document, custom_formats, None)
                if 'kind' in data__input_keys:
                    data__input_keys.remove('kind')
                    data__input__kind = data__input['kind']
                    if not (isinstance(data__input__kind, str) and data__input__kind == 'amend' or (isinstance(data__input__kind, str) and data__input__kind == 'insert') or (isinstance(data__input__kind, str) and data__input__kind == 'delete') or (isinstance(data__input__kind, str) and data__input__kind == 'remark') or (isinstance(data__input__kind, str) and data__input__kind == 'changes') or (isinstance(data__input__kind, str) and data__input__kind == 'position')):
                        raise JsonSchemaValueException('enum')
                if 'position' in data__input_keys:
                    data__input_keys.remove('position')
                    data__input__position = data__input['position']
                    if not (isinstance(data__input__position, str) and data__input__position == 'explanation' or (isinstance(data__input__position, str) and data__input__position == 'reservation')):
                        raise JsonSchemaValueException('enum')
                if 'paragraphs' in data__input_keys:
                    data__input_keys.remove('paragraphs')
                    data__input__paragraphs = data__input['paragraphs']
                    if not isinstance(data__input__paragraphs, (list, tuple)):
                        raise JsonSchemaValueException('type')
                    data__input__paragraphs_is_list = isinstance(data__input__paragraphs, (list, tuple))
                    if data__input__paragraphs_is_list:
                        data__input__paragraphs_len = len(data__input__paragraphs)
                        if data__input__paragraphs_len < 1:
                            raise JsonSchemaValueException('minItems')

                        def fn(var):
                            return frozenset(dict(((k, fn(v)) for k, v in var.items())).items()) if hasattr(var, 'items') else tuple((fn(v) for v in var)) if isinstance(var, (dict, list)) else (bool, var) if isinstance(var, bool) else var
                        if data__input__paragraphs_len > len(set((fn(data__input__paragraphs_x) for data__input__paragraphs_x in data__input__paragraphs))):
                            raise JsonSchemaValueException('uniqueItems')
                        for data__input__paragraphs_x, data__input__paragraphs_item in enumerate(data__input__paragraphs):
                            if not isinstance(data__input__paragraphs_item, str):
                                raise JsonSchemaValueException('type')
                            if isinstance(data__input__paragraphs_item, str):
                                if not REGEX_PATTERNS['^[a-z0-9][a-z0-9-]{2,39}$'].search(data__input__paragraphs_item):
                                    raise JsonSchemaValueException('pattern')
                if 'on_behalf_of' in data__input_keys:
                    data__input_keys.remove('on_behalf_of')
                    data__input__onbehalfof = data__input['on_behalf_of']
                    if not isinstance(data__input__onbehalfof, (list, tuple)):
                        raise JsonSchemaValueException('type')
                    data__input__onbehalfof_is_list = isinstance(data__input__onbehalfof, (list, tuple))
                    if data__input__onbehalfof_is_list:
                        data__input__onbehalfof_len = len(data__input__onbehalfof)
                        if data__input__onbehalfof_len < 1:
                            raise JsonSchemaValueException('minItems')

                        def fn(var):
                            return frozenset(dict(((k, fn(v)) for k, v in var.items())).items()) if hasattr(var, 'items') else tuple((fn(v) for v in var)) if isinstance(var, (dict, list)) else (bool, var) if isinstance(var, bool) else var
                        if data__input__onbehalfof_len > len(set((fn(data__input__onbehalfof_x) for data__input__onbehalfof_x in data__input__onbehalfof))):
                            raise JsonSchemaValueException('uniqueItems')
                        for data__input__onbehalfof_x, data__input__onbehalfof_item in enumerate(data__input__onbehalfof):
                            validate_https___ccmflow_invalid_schemas_input_schema_json___defs_slug(data__input__onbehalfof_item, custom_formats, None)
                if 'paragraph' in data__input_keys:
                    data__input_keys.remove('paragraph')
                    data__input__paragraph = data__input['paragraph']
                    if not isinstance(data__input__paragraph, str):
                        raise JsonSchemaValueException('type')
                    if isinstance(data__input__paragraph, str):
                        if not REGEX_PATTERNS['^[a-z0-9][a-z0-9-]{2,39}$'].search(data__input__paragraph):
                            raise JsonSchemaValueException('pattern')
                if 'section' in data__input_keys:
                    data__input_keys.remove('section')
                    data__input__section = data__input['section']
                    validate_https___ccmflow_invalid_schemas_input_schema_json___defs_slug(data__input__section, custom_formats, None)
                if 'remark' in data__input_keys:
                    data__input_keys.remove('remark')
                    data__input__remark = data__input['remark']
                    if not isinstance(data__input__remark, str):
                        raise JsonSchemaValueException('type')
                    if isinstance(data__input__remark, str):
                        data__input__remark_len = len(data__input__remark)
                        if data__input__remark_len < 1:
                            raise JsonSchemaValueException('minLength')
                        if not REGEX_PATTERNS['\\S'].search(data__input__remark):
                            raise JsonSchemaValueException('pattern')
                if 'justification' in data__input_keys:
                    data__input_keys.remove('justification')
                    data__input__justification = data__input['justification']
                    if not isinstance(data__input__justification, str):
                        raise JsonSchemaValueException('type')
                if 'channel' in data__input_keys:
                    data__input_keys.remove('channel')
                    data__input__channel = data__input['channel']
                    if not (isinstance(data__input__channel, str) and data__input__channel == 'github' or (isinstance(data__input__channel, str) and data__input__channel == 'issue-form') or (isinstance(data__input__channel, str) and data__input__channel == 'e-mail')):
                        raise JsonSchemaValueException('enum')
                if 'received' in data__input_keys:
                    data__input_keys.remove('received')
                    data__input__received = data__input['received']
                    if not isinstance(data__input__received, str):
                        raise JsonSchemaValueException('type')
                    if isinstance(data__input__received, str):
                        if not REGEX_PATTERNS['^\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}(:\\d{2}(\\.\\d+)?)?(Z|[+-]\\d{2}:\\d{2})$'].search(data__input__received):
                            raise JsonSchemaValueException('pattern')
                if 'reference' in data__input_keys:
                    data__input_keys.remove('reference')
                    data__input__reference = data__input['reference']
                    if not isinstance(data__input__reference, str):
                        raise JsonSchemaValueException('type')
                if 'issue' in data__input_keys:
                    data__input_keys.remove('issue')
                    data__input__issue = data__input['issue']
                    if not isinstance(data__input__issue, int) and (not (isinstance(data__input__issue, float) and data__input__issue.is_integer())) or isinstance(data__input__issue, bool):
                        raise JsonSchemaValueException('type')
                    if isinstance(data__input__issue, (int, float, Decimal)) and (not isinstance(data__input__issue, bool)):
                        if data__input__issue < 1:
                            raise JsonSchemaValueException('minimum')
                if 'changes' in data__input_keys:
                    data__input_keys.remove('changes')
                    data__input__changes = data__input['changes']
                    if not isinstance(data__input__changes, (list, tuple)):
                        raise JsonSchemaValueException('type')
                    data__input__changes_is_list = isinstance(data__input__changes, (list, tuple))
                    if data__input__changes_is_list:
                        data__input__changes_len = len(data__input__changes)
                        if data__input__changes_len < 2:
                            raise JsonSchemaValueException('minItems')
                        for data__input__changes_x, data__input__changes_item in enumerate(data__input__changes):
                            validate_https___ccmflow_invalid_schemas_input_schema_json___defs_change(data__input__changes_item, custom_formats, None)
                if data__input_keys:
                    raise JsonSchemaValueException('additionalProperties')
        if data_keys:
            raise JsonSchemaValueException('additionalProperties')
    return data

def validate_https___ccmflow_invalid_schemas_input_schema_json___defs_change(data, custom_formats={}, name_prefix=None):
    if not isinstance(data, dict):
        raise JsonSchemaValueException('type')
    data_is_dict = isinstance(data, dict)
    if data_is_dict:
        data__missing_keys = set(['kind', 'paragraph']) - data.keys()
        if data__missing_keys:
            raise JsonSchemaValueException('required')
        data_keys = set(data.keys())
        if 'kind' in data_keys:
            data_keys.remove('kind')
            data__kind = data['kind']
            if not (isinstance(data__kind, str) and data__kind == 'amend' or (isinstance(data__kind, str) and data__kind == 'insert') or (isinstance(data__kind, str) and data__kind == 'delete')):
                raise JsonSchemaValueException('enum')
        if 'paragraph' in data_keys:
            data_keys.remove('paragraph')
            data__paragraph = data['paragraph']
            if not isinstance(data__paragraph, str):
                raise JsonSchemaValueException('type')
            if isinstance(data__paragraph, str):
                if not REGEX_PATTERNS['^[a-z0-9][a-z0-9-]{2,39}$'].search(data__paragraph):
                    raise JsonSchemaValueException('pattern')
        if 'justification' in data_keys:
            data_keys.remove('justification')
            data__justification = data['justification']
            if not isinstance(data__justification, str):
                raise JsonSchemaValueException('type')
        if data_keys:
            raise JsonSchemaValueException('additionalProperties')
    return data

def validate_https___ccmflow_invalid_schemas_input_schema_json___defs_slug(data, custom_formats={}, name_prefix=None):
    if not isinstance(data, str):
        raise JsonSchemaValueException('type')
    if isinstance(data, str):
        data_len = len(data)
        if data_len > 64:
            raise JsonSchemaValueException('maxLength')
        if not REGEX_PATTERNS['^[a-z][a-z0-9]*(-[a-z0-9]+)*$'].search(data):
            raise JsonSchemaValueException('pattern')
    return data


validate = validate_https___ccmflow_invalid_schemas_input_schema_json
DEFINITIONS = {
    "change": validate_https___ccmflow_invalid_schemas_input_schema_json___defs_change,
    "slug": validate_https___ccmflow_invalid_schemas_input_schema_json___defs_slug,
}
