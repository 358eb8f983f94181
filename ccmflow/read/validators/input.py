# Generated from ccmflow/schemas/input.schema.json by `python -m ccmflow.read.schemagen` (fastjsonschema 2.22.3): do not edit.
# ruff: noqa
# mypy: ignore-errors
SCHEMA_SHA256 = "7681edaf40a6b93254d58ac94af14d1b9aa0acc2f96cdb98d8139274771b2ddf"
VERSION = "2.22.3"
from decimal import Decimal
import re
from ccmflow.read.validators import JsonSchemaValueException, JsonSchemaValuesException


REGEX_PATTERNS = {
    '^[a-z0-9][a-z0-9-]*$': re.compile('^[a-z0-9][a-z0-9-]*\\Z'),
    '^[a-z0-9][a-z0-9-]{2,39}$': re.compile('^[a-z0-9][a-z0-9-]{2,39}\\Z'),
    '\\S': re.compile('\\S'),
    '^\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}(:\\d{2}(\\.\\d+)?)?(Z|[+-]\\d{2}:\\d{2})$': re.compile('^\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}(:\\d{2}(\\.\\d+)?)?(Z|[+-]\\d{2}:\\d{2})\\Z'),
    '^[a-z][a-z0-9]*(-[a-z0-9]+)*$': re.compile('^[a-z][a-z0-9]*(-[a-z0-9]+)*\\Z')
}

NoneType = type(None)

def validate_https___ccmflow_invalid_schemas_input_schema_json(data, custom_formats={}, name_prefix=None):
    if not isinstance(data, (dict)):
        raise JsonSchemaValueException("" + (name_prefix or "data") + " must be object", value=data, name="" + (name_prefix or "data") + "", definition={'$schema': 'https://json-schema.org/draft/2020-12/schema', '$id': 'https://ccmflow.invalid/schemas/input.schema.json', 'title': 'ccmflow input record', 'description': "One input's metadata, kept beside the change it makes: documents/inputs/<document>/<id>.yaml.", 'type': 'object', 'additionalProperties': False, 'required': ['input'], 'properties': {'input': {'type': 'object', 'additionalProperties': False, 'required': ['id', 'document', 'kind', 'on_behalf_of'], 'properties': {'id': {'type': 'string', 'pattern': '^[a-z0-9][a-z0-9-]*$', 'maxLength': 80, 'description': "The input's id, also the file's name: lower-case letters, digits and hyphens, not starting with a hyphen."}, 'document': {'type': 'string', 'pattern': '^[a-z][a-z0-9]*(-[a-z0-9]+)*$', 'maxLength': 64, 'description': 'An id: lower-case letters and digits in words joined by single hyphens, starting with a letter (e.g. state-party).'}, 'kind': {'enum': ['amend', 'insert', 'delete', 'remark', 'changes', 'position'], 'description': 'changes: several amendments, insertions and deletions at once, listed under changes. position: an explanation of position or a reservation on an adopted document, citing paragraphs under paragraphs; it changes no text.'}, 'position': {'enum': ['explanation', 'reservation'], 'description': 'kind position: an explanation of position, or a reservation.'}, 'paragraphs': {'type': 'array', 'minItems': 1, 'uniqueItems': True, 'items': {'type': 'string', 'pattern': '^[a-z0-9][a-z0-9-]{2,39}$', 'description': 'A paragraph id (3 to 40 lower-case letters, digits or hyphens).'}, 'description': 'kind position: the ids of the paragraphs it is about.'}, 'on_behalf_of': {'type': 'array', 'minItems': 1, 'uniqueItems': True, 'items': {'type': 'string', 'pattern': '^[a-z][a-z0-9]*(-[a-z0-9]+)*$', 'maxLength': 64, 'description': 'An id: lower-case letters and digits in words joined by single hyphens, starting with a letter (e.g. state-party).'}, 'description': 'Registry ids of every delegation the input is made for (several for a joint input).'}, 'paragraph': {'type': 'string', 'pattern': '^[a-z0-9][a-z0-9-]{2,39}$', 'description': 'A paragraph id (3 to 40 lower-case letters, digits or hyphens). amend, delete: the paragraph; insert: the paragraph the new one follows; remark: optional.'}, 'section': {'type': 'string', 'pattern': '^[a-z][a-z0-9]*(-[a-z0-9]+)*$', 'maxLength': 64, 'description': 'An id: lower-case letters and digits in words joined by single hyphens, starting with a letter (e.g. state-party).'}, 'remark': {'type': 'string', 'minLength': 1, 'pattern': '\\S', 'description': 'The remark: some text, not only spaces.'}, 'justification': {'type': 'string'}, 'channel': {'enum': ['github', 'issue-form', 'e-mail']}, 'received': {'type': 'string', 'pattern': '^\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}(:\\d{2}(\\.\\d+)?)?(Z|[+-]\\d{2}:\\d{2})$', 'description': 'When the input was received outside GitHub, as YYYY-MM-DDTHH:MM with its UTC offset (e.g. 2020-05-04T18:30+02:00); honoured only from an account with the record-input role.'}, 'reference': {'type': 'string'}, 'issue': {'type': 'integer', 'minimum': 1}, 'changes': {'type': 'array', 'minItems': 2, 'items': {'type': 'object', 'additionalProperties': False, 'required': ['kind', 'paragraph'], 'properties': {'kind': {'enum': ['amend', 'insert', 'delete']}, 'paragraph': {'type': 'string', 'pattern': '^[a-z0-9][a-z0-9-]{2,39}$', 'description': 'A paragraph id (3 to 40 lower-case letters, digits or hyphens). amend, delete: the paragraph; insert: the paragraph the new one follows.'}, 'justification': {'type': 'string'}}}, 'description': 'kind changes: each change, in the order it is made (a marked-up Word file read back).'}}, 'allOf': [{'if': {'properties': {'kind': {'enum': ['remark', 'position']}}}, 'then': {'required': ['remark']}, 'else': {'not': {'required': ['remark']}}}, {'if': {'properties': {'kind': {'const': 'position'}}}, 'then': {'required': ['position', 'paragraphs'], 'not': {'anyOf': [{'required': ['paragraph']}, {'required': ['section']}]}}, 'else': {'not': {'anyOf': [{'required': ['position']}, {'required': ['paragraphs']}]}}}, {'if': {'properties': {'kind': {'const': 'changes'}}}, 'then': {'required': ['changes'], 'not': {'anyOf': [{'required': ['paragraph']}, {'required': ['section']}, {'required': ['justification']}]}}, 'else': {'not': {'required': ['changes']}}}, {'if': {'properties': {'kind': {'enum': ['amend', 'insert', 'delete']}}}, 'then': {'required': ['paragraph']}}]}}, '$defs': {'change': {'type': 'object', 'additionalProperties': False, 'required': ['kind', 'paragraph'], 'properties': {'kind': {'enum': ['amend', 'insert', 'delete']}, 'paragraph': {'type': 'string', 'pattern': '^[a-z0-9][a-z0-9-]{2,39}$', 'description': 'A paragraph id (3 to 40 lower-case letters, digits or hyphens). amend, delete: the paragraph; insert: the paragraph the new one follows.'}, 'justification': {'type': 'string'}}}, 'slug': {'type': 'string', 'pattern': '^[a-z][a-z0-9]*(-[a-z0-9]+)*$', 'maxLength': 64, 'description': 'An id: lower-case letters and digits in words joined by single hyphens, starting with a letter (e.g. state-party).'}}}, rule='type')
    data_is_dict = isinstance(data, dict)
    if data_is_dict:
        data__missing_keys = set(['input']) - data.keys()
        if data__missing_keys:
            raise JsonSchemaValueException("" + (name_prefix or "data") + " must contain " + (str(sorted(data__missing_keys)) + " properties"), value=data, name="" + (name_prefix or "data") + "", definition={'$schema': 'https://json-schema.org/draft/2020-12/schema', '$id': 'https://ccmflow.invalid/schemas/input.schema.json', 'title': 'ccmflow input record', 'description': "One input's metadata, kept beside the change it makes: documents/inputs/<document>/<id>.yaml.", 'type': 'object', 'additionalProperties': False, 'required': ['input'], 'properties': {'input': {'type': 'object', 'additionalProperties': False, 'required': ['id', 'document', 'kind', 'on_behalf_of'], 'properties': {'id': {'type': 'string', 'pattern': '^[a-z0-9][a-z0-9-]*$', 'maxLength': 80, 'description': "The input's id, also the file's name: lower-case letters, digits and hyphens, not starting with a hyphen."}, 'document': {'type': 'string', 'pattern': '^[a-z][a-z0-9]*(-[a-z0-9]+)*$', 'maxLength': 64, 'description': 'An id: lower-case letters and digits in words joined by single hyphens, starting with a letter (e.g. state-party).'}, 'kind': {'enum': ['amend', 'insert', 'delete', 'remark', 'changes', 'position'], 'description': 'changes: several amendments, insertions and deletions at once, listed under changes. position: an explanation of position or a reservation on an adopted document, citing paragraphs under paragraphs; it changes no text.'}, 'position': {'enum': ['explanation', 'reservation'], 'description': 'kind position: an explanation of position, or a reservation.'}, 'paragraphs': {'type': 'array', 'minItems': 1, 'uniqueItems': True, 'items': {'type': 'string', 'pattern': '^[a-z0-9][a-z0-9-]{2,39}$', 'description': 'A paragraph id (3 to 40 lower-case letters, digits or hyphens).'}, 'description': 'kind position: the ids of the paragraphs it is about.'}, 'on_behalf_of': {'type': 'array', 'minItems': 1, 'uniqueItems': True, 'items': {'type': 'string', 'pattern': '^[a-z][a-z0-9]*(-[a-z0-9]+)*$', 'maxLength': 64, 'description': 'An id: lower-case letters and digits in words joined by single hyphens, starting with a letter (e.g. state-party).'}, 'description': 'Registry ids of every delegation the input is made for (several for a joint input).'}, 'paragraph': {'type': 'string', 'pattern': '^[a-z0-9][a-z0-9-]{2,39}$', 'description': 'A paragraph id (3 to 40 lower-case letters, digits or hyphens). amend, delete: the paragraph; insert: the paragraph the new one follows; remark: optional.'}, 'section': {'type': 'string', 'pattern': '^[a-z][a-z0-9]*(-[a-z0-9]+)*$', 'maxLength': 64, 'description': 'An id: lower-case letters and digits in words joined by single hyphens, starting with a letter (e.g. state-party).'}, 'remark': {'type': 'string', 'minLength': 1, 'pattern': '\\S', 'description': 'The remark: some text, not only spaces.'}, 'justification': {'type': 'string'}, 'channel': {'enum': ['github', 'issue-form', 'e-mail']}, 'received': {'type': 'string', 'pattern': '^\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}(:\\d{2}(\\.\\d+)?)?(Z|[+-]\\d{2}:\\d{2})$', 'description': 'When the input was received outside GitHub, as YYYY-MM-DDTHH:MM with its UTC offset (e.g. 2020-05-04T18:30+02:00); honoured only from an account with the record-input role.'}, 'reference': {'type': 'string'}, 'issue': {'type': 'integer', 'minimum': 1}, 'changes': {'type': 'array', 'minItems': 2, 'items': {'type': 'object', 'additionalProperties': False, 'required': ['kind', 'paragraph'], 'properties': {'kind': {'enum': ['amend', 'insert', 'delete']}, 'paragraph': {'type': 'string', 'pattern': '^[a-z0-9][a-z0-9-]{2,39}$', 'description': 'A paragraph id (3 to 40 lower-case letters, digits or hyphens). amend, delete: the paragraph; insert: the paragraph the new one follows.'}, 'justification': {'type': 'string'}}}, 'description': 'kind changes: each change, in the order it is made (a marked-up Word file read back).'}}, 'allOf': [{'if': {'properties': {'kind': {'enum': ['remark', 'position']}}}, 'then': {'required': ['remark']}, 'else': {'not': {'required': ['remark']}}}, {'if': {'properties': {'kind': {'const': 'position'}}}, 'then': {'required': ['position', 'paragraphs'], 'not': {'anyOf': [{'required': ['paragraph']}, {'required': ['section']}]}}, 'else': {'not': {'anyOf': [{'required': ['position']}, {'required': ['paragraphs']}]}}}, {'if': {'properties': {'kind': {'const': 'changes'}}}, 'then': {'required': ['changes'], 'not': {'anyOf': [{'required': ['paragraph']}, {'required': ['section']}, {'required': ['justification']}]}}, 'else': {'not': {'required': ['changes']}}}, {'if': {'properties': {'kind': {'enum': ['amend', 'insert', 'delete']}}}, 'then': {'required': ['paragraph']}}]}}, '$defs': {'change': {'type': 'object', 'additionalProperties': False, 'required': ['kind', 'paragraph'], 'properties': {'kind': {'enum': ['amend', 'insert', 'delete']}, 'paragraph': {'type': 'string', 'pattern': '^[a-z0-9][a-z0-9-]{2,39}$', 'description': 'A paragraph id (3 to 40 lower-case letters, digits or hyphens). amend, delete: the paragraph; insert: the paragraph the new one follows.'}, 'justification': {'type': 'string'}}}, 'slug': {'type': 'string', 'pattern': '^[a-z][a-z0-9]*(-[a-z0-9]+)*$', 'maxLength': 64, 'description': 'An id: lower-case letters and digits in words joined by single hyphens, starting with a letter (e.g. state-party).'}}}, rule='required')
        data_keys = set(data.keys())
        if "input" in data_keys:
            data_keys.remove("input")
            data__input = data["input"]
            if not isinstance(data__input, (dict)):
                raise JsonSchemaValueException("" + (name_prefix or "data") + ".input must be object", value=data__input, name="" + (name_prefix or "data") + ".input", definition={'type': 'object', 'additionalProperties': False, 'required': ['id', 'document', 'kind', 'on_behalf_of'], 'properties': {'id': {'type': 'string', 'pattern': '^[a-z0-9][a-z0-9-]*$', 'maxLength': 80, 'description': "The input's id, also the file's name: lower-case letters, digits and hyphens, not starting with a hyphen."}, 'document': {'type': 'string', 'pattern': '^[a-z][a-z0-9]*(-[a-z0-9]+)*$', 'maxLength': 64, 'description': 'An id: lower-case letters and digits in words joined by single hyphens, starting with a letter (e.g. state-party).'}, 'kind': {'enum': ['amend', 'insert', 'delete', 'remark', 'changes', 'position'], 'description': 'changes: several amendments, insertions and deletions at once, listed under changes. position: an explanation of position or a reservation on an adopted document, citing paragraphs under paragraphs; it changes no text.'}, 'position': {'enum': ['explanation', 'reservation'], 'description': 'kind position: an explanation of position, or a reservation.'}, 'paragraphs': {'type': 'array', 'minItems': 1, 'uniqueItems': True, 'items': {'type': 'string', 'pattern': '^[a-z0-9][a-z0-9-]{2,39}$', 'description': 'A paragraph id (3 to 40 lower-case letters, digits or hyphens).'}, 'description': 'kind position: the ids of the paragraphs it is about.'}, 'on_behalf_of': {'type': 'array', 'minItems': 1, 'uniqueItems': True, 'items': {'type': 'string', 'pattern': '^[a-z][a-z0-9]*(-[a-z0-9]+)*$', 'maxLength': 64, 'description': 'An id: lower-case letters and digits in words joined by single hyphens, starting with a letter (e.g. state-party).'}, 'description': 'Registry ids of every delegation the input is made for (several for a joint input).'}, 'paragraph': {'type': 'string', 'pattern': '^[a-z0-9][a-z0-9-]{2,39}$', 'description': 'A paragraph id (3 to 40 lower-case letters, digits or hyphens). amend, delete: the paragraph; insert: the paragraph the new one follows; remark: optional.'}, 'section': {'type': 'string', 'pattern': '^[a-z][a-z0-9]*(-[a-z0-9]+)*$', 'maxLength': 64, 'description': 'An id: lower-case letters and digits in words joined by single hyphens, starting with a letter (e.g. state-party).'}, 'remark': {'type': 'string', 'minLength': 1, 'pattern': '\\S', 'description': 'The remark: some text, not only spaces.'}, 'justification': {'type': 'string'}, 'channel': {'enum': ['github', 'issue-form', 'e-mail']}, 'received': {'type': 'string', 'pattern': '^\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}(:\\d{2}(\\.\\d+)?)?(Z|[+-]\\d{2}:\\d{2})$', 'description': 'When the input was received outside GitHub, as YYYY-MM-DDTHH:MM with its UTC offset (e.g. 2020-05-04T18:30+02:00); honoured only from an account with the record-input role.'}, 'reference': {'type': 'string'}, 'issue': {'type': 'integer', 'minimum': 1}, 'changes': {'type': 'array', 'minItems': 2, 'items': {'type': 'object', 'additionalProperties': False, 'required': ['kind', 'paragraph'], 'properties': {'kind': {'enum': ['amend', 'insert', 'delete']}, 'paragraph': {'type': 'string', 'pattern': '^[a-z0-9][a-z0-9-]{2,39}$', 'description': 'A paragraph id (3 to 40 lower-case letters, digits or hyphens). amend, delete: the paragraph; insert: the paragraph the new one follows.'}, 'justification': {'type': 'string'}}}, 'description': 'kind changes: each change, in the order it is made (a marked-up Word file read back).'}}, 'allOf': [{'if': {'properties': {'kind': {'enum': ['remark', 'position']}}}, 'then': {'required': ['remark']}, 'else': {'not': {'required': ['remark']}}}, {'if': {'properties': {'kind': {'const': 'position'}}}, 'then': {'required': ['position', 'paragraphs'], 'not': {'anyOf': [{'required': ['paragraph']}, {'required': ['section']}]}}, 'else': {'not': {'anyOf': [{'required': ['position']}, {'required': ['paragraphs']}]}}}, {'if': {'properties': {'kind': {'const': 'changes'}}}, 'then': {'required': ['changes'], 'not': {'anyOf': [{'required': ['paragraph']}, {'required': ['section']}, {'required': ['justification']}]}}, 'else': {'not': {'required': ['changes']}}}, {'if': {'properties': {'kind': {'enum': ['amend', 'insert', 'delete']}}}, 'then': {'required': ['paragraph']}}]}, rule='type')
            try:
                data__input_is_dict = isinstance(data__input, dict)
                if data__input_is_dict:
                    data__input_keys = set(data__input.keys())
                    if "kind" in data__input_keys:
                        data__input_keys.remove("kind")
                        data__input__kind = data__input["kind"]
                        if not (isinstance(data__input__kind, str) and data__input__kind == 'remark' or isinstance(data__input__kind, str) and data__input__kind == 'position'):
                            raise JsonSchemaValueException("" + (name_prefix or "data") + ".input.kind must be one of ['remark', 'position']", value=data__input__kind, name="" + (name_prefix or "data") + ".input.kind", definition={'enum': ['remark', 'position']}, rule='enum')
            except (JsonSchemaValueException, JsonSchemaValuesException):
                try:
                    data__input_is_dict = isinstance(data__input, dict)
                    if data__input_is_dict:
                        data__input__missing_keys = set(['remark']) - data__input.keys()
                        if data__input__missing_keys:
                            raise JsonSchemaValueException("" + (name_prefix or "data") + ".input must contain " + (str(sorted(data__input__missing_keys)) + " properties"), value=data__input, name="" + (name_prefix or "data") + ".input", definition={'required': ['remark']}, rule='required')
                except (JsonSchemaValueException, JsonSchemaValuesException): pass
                else:
                    raise JsonSchemaValueException("" + (name_prefix or "data") + ".input must NOT match a disallowed definition", value=data__input, name="" + (name_prefix or "data") + ".input", definition={'not': {'required': ['remark']}}, rule='not')
            else:
                data__input_is_dict = isinstance(data__input, dict)
                if data__input_is_dict:
                    data__input__missing_keys = set(['remark']) - data__input.keys()
                    if data__input__missing_keys:
                        raise JsonSchemaValueException("" + (name_prefix or "data") + ".input must contain " + (str(sorted(data__input__missing_keys)) + " properties"), value=data__input, name="" + (name_prefix or "data") + ".input", definition={'required': ['remark']}, rule='required')
            try:
                data__input_is_dict = isinstance(data__input, dict)
                if data__input_is_dict:
                    data__input_keys = set(data__input.keys())
                    if "kind" in data__input_keys:
                        data__input_keys.remove("kind")
                        data__input__kind = data__input["kind"]
                        if not (isinstance(data__input__kind, str) and data__input__kind == 'position'):
                            raise JsonSchemaValueException("" + (name_prefix or "data") + ".input.kind must be same as const definition: position", value=data__input__kind, name="" + (name_prefix or "data") + ".input.kind", definition={'const': 'position'}, rule='const')
            except (JsonSchemaValueException, JsonSchemaValuesException):
                try:
                    data__input_any_of_count1 = 0
                    if not data__input_any_of_count1:
                        try:
                            data__input_is_dict = isinstance(data__input, dict)
                            if data__input_is_dict:
                                data__input__missing_keys = set(['position']) - data__input.keys()
                                if data__input__missing_keys:
                                    raise JsonSchemaValueException("" + (name_prefix or "data") + ".input must contain " + (str(sorted(data__input__missing_keys)) + " properties"), value=data__input, name="" + (name_prefix or "data") + ".input", definition={'required': ['position']}, rule='required')
                            data__input_any_of_count1 += 1
                        except (JsonSchemaValueException, JsonSchemaValuesException): pass
                    if not data__input_any_of_count1:
                        try:
                            data__input_is_dict = isinstance(data__input, dict)
                            if data__input_is_dict:
                                data__input__missing_keys = set(['paragraphs']) - data__input.keys()
                                if data__input__missing_keys:
                                    raise JsonSchemaValueException("" + (name_prefix or "data") + ".input must contain " + (str(sorted(data__input__missing_keys)) + " properties"), value=data__input, name="" + (name_prefix or "data") + ".input", definition={'required': ['paragraphs']}, rule='required')
                            data__input_any_of_count1 += 1
                        except (JsonSchemaValueException, JsonSchemaValuesException): pass
                    if not data__input_any_of_count1:
                        raise JsonSchemaValueException("" + (name_prefix or "data") + ".input cannot be validated by any definition", value=data__input, name="" + (name_prefix or "data") + ".input", definition={'anyOf': [{'required': ['position']}, {'required': ['paragraphs']}]}, rule='anyOf')
                except (JsonSchemaValueException, JsonSchemaValuesException): pass
                else:
                    raise JsonSchemaValueException("" + (name_prefix or "data") + ".input must NOT match a disallowed definition", value=data__input, name="" + (name_prefix or "data") + ".input", definition={'not': {'anyOf': [{'required': ['position']}, {'required': ['paragraphs']}]}}, rule='not')
            else:
                try:
                    data__input_any_of_count2 = 0
                    if not data__input_any_of_count2:
                        try:
                            data__input_is_dict = isinstance(data__input, dict)
                            if data__input_is_dict:
                                data__input__missing_keys = set(['paragraph']) - data__input.keys()
                                if data__input__missing_keys:
                                    raise JsonSchemaValueException("" + (name_prefix or "data") + ".input must contain " + (str(sorted(data__input__missing_keys)) + " properties"), value=data__input, name="" + (name_prefix or "data") + ".input", definition={'required': ['paragraph']}, rule='required')
                            data__input_any_of_count2 += 1
                        except (JsonSchemaValueException, JsonSchemaValuesException): pass
                    if not data__input_any_of_count2:
                        try:
                            data__input_is_dict = isinstance(data__input, dict)
                            if data__input_is_dict:
                                data__input__missing_keys = set(['section']) - data__input.keys()
                                if data__input__missing_keys:
                                    raise JsonSchemaValueException("" + (name_prefix or "data") + ".input must contain " + (str(sorted(data__input__missing_keys)) + " properties"), value=data__input, name="" + (name_prefix or "data") + ".input", definition={'required': ['section']}, rule='required')
                            data__input_any_of_count2 += 1
                        except (JsonSchemaValueException, JsonSchemaValuesException): pass
                    if not data__input_any_of_count2:
                        raise JsonSchemaValueException("" + (name_prefix or "data") + ".input cannot be validated by any definition", value=data__input, name="" + (name_prefix or "data") + ".input", definition={'anyOf': [{'required': ['paragraph']}, {'required': ['section']}]}, rule='anyOf')
                except (JsonSchemaValueException, JsonSchemaValuesException): pass
                else:
                    raise JsonSchemaValueException("" + (name_prefix or "data") + ".input must NOT match a disallowed definition", value=data__input, name="" + (name_prefix or "data") + ".input", definition={'required': ['position', 'paragraphs'], 'not': {'anyOf': [{'required': ['paragraph']}, {'required': ['section']}]}}, rule='not')
                data__input_is_dict = isinstance(data__input, dict)
                if data__input_is_dict:
                    data__input__missing_keys = set(['position', 'paragraphs']) - data__input.keys()
                    if data__input__missing_keys:
                        raise JsonSchemaValueException("" + (name_prefix or "data") + ".input must contain " + (str(sorted(data__input__missing_keys)) + " properties"), value=data__input, name="" + (name_prefix or "data") + ".input", definition={'required': ['position', 'paragraphs'], 'not': {'anyOf': [{'required': ['paragraph']}, {'required': ['section']}]}}, rule='required')
            try:
                data__input_is_dict = isinstance(data__input, dict)
                if data__input_is_dict:
                    data__input_keys = set(data__input.keys())
                    if "kind" in data__input_keys:
                        data__input_keys.remove("kind")
                        data__input__kind = data__input["kind"]
                        if not (isinstance(data__input__kind, str) and data__input__kind == 'changes'):
                            raise JsonSchemaValueException("" + (name_prefix or "data") + ".input.kind must be same as const definition: changes", value=data__input__kind, name="" + (name_prefix or "data") + ".input.kind", definition={'const': 'changes'}, rule='const')
            except (JsonSchemaValueException, JsonSchemaValuesException):
                try:
                    data__input_is_dict = isinstance(data__input, dict)
                    if data__input_is_dict:
                        data__input__missing_keys = set(['changes']) - data__input.keys()
                        if data__input__missing_keys:
                            raise JsonSchemaValueException("" + (name_prefix or "data") + ".input must contain " + (str(sorted(data__input__missing_keys)) + " properties"), value=data__input, name="" + (name_prefix or "data") + ".input", definition={'required': ['changes']}, rule='required')
                except (JsonSchemaValueException, JsonSchemaValuesException): pass
                else:
                    raise JsonSchemaValueException("" + (name_prefix or "data") + ".input must NOT match a disallowed definition", value=data__input, name="" + (name_prefix or "data") + ".input", definition={'not': {'required': ['changes']}}, rule='not')
            else:
                try:
                    data__input_any_of_count3 = 0
                    if not data__input_any_of_count3:
                        try:
                            data__input_is_dict = isinstance(data__input, dict)
                            if data__input_is_dict:
                                data__input__missing_keys = set(['paragraph']) - data__input.keys()
                                if data__input__missing_keys:
                                    raise JsonSchemaValueException("" + (name_prefix or "data") + ".input must contain " + (str(sorted(data__input__missing_keys)) + " properties"), value=data__input, name="" + (name_prefix or "data") + ".input", definition={'required': ['paragraph']}, rule='required')
                            data__input_any_of_count3 += 1
                        except (JsonSchemaValueException, JsonSchemaValuesException): pass
                    if not data__input_any_of_count3:
                        try:
                            data__input_is_dict = isinstance(data__input, dict)
                            if data__input_is_dict:
                                data__input__missing_keys = set(['section']) - data__input.keys()
                                if data__input__missing_keys:
                                    raise JsonSchemaValueException("" + (name_prefix or "data") + ".input must contain " + (str(sorted(data__input__missing_keys)) + " properties"), value=data__input, name="" + (name_prefix or "data") + ".input", definition={'required': ['section']}, rule='required')
                            data__input_any_of_count3 += 1
                        except (JsonSchemaValueException, JsonSchemaValuesException): pass
                    if not data__input_any_of_count3:
                        try:
                            data__input_is_dict = isinstance(data__input, dict)
                            if data__input_is_dict:
                                data__input__missing_keys = set(['justification']) - data__input.keys()
                                if data__input__missing_keys:
                                    raise JsonSchemaValueException("" + (name_prefix or "data") + ".input must contain " + (str(sorted(data__input__missing_keys)) + " properties"), value=data__input, name="" + (name_prefix or "data") + ".input", definition={'required': ['justification']}, rule='required')
                            data__input_any_of_count3 += 1
                        except (JsonSchemaValueException, JsonSchemaValuesException): pass
                    if not data__input_any_of_count3:
                        raise JsonSchemaValueException("" + (name_prefix or "data") + ".input cannot be validated by any definition", value=data__input, name="" + (name_prefix or "data") + ".input", definition={'anyOf': [{'required': ['paragraph']}, {'required': ['section']}, {'required': ['justification']}]}, rule='anyOf')
                except (JsonSchemaValueException, JsonSchemaValuesException): pass
                else:
                    raise JsonSchemaValueException("" + (name_prefix or "data") + ".input must NOT match a disallowed definition", value=data__input, name="" + (name_prefix or "data") + ".input", definition={'required': ['changes'], 'not': {'anyOf': [{'required': ['paragraph']}, {'required': ['section']}, {'required': ['justification']}]}}, rule='not')
                data__input_is_dict = isinstance(data__input, dict)
                if data__input_is_dict:
                    data__input__missing_keys = set(['changes']) - data__input.keys()
                    if data__input__missing_keys:
                        raise JsonSchemaValueException("" + (name_prefix or "data") + ".input must contain " + (str(sorted(data__input__missing_keys)) + " properties"), value=data__input, name="" + (name_prefix or "data") + ".input", definition={'required': ['changes'], 'not': {'anyOf': [{'required': ['paragraph']}, {'required': ['section']}, {'required': ['justification']}]}}, rule='required')
            try:
                data__input_is_dict = isinstance(data__input, dict)
                if data__input_is_dict:
                    data__input_keys = set(data__input.keys())
                    if "kind" in data__input_keys:
                        data__input_keys.remove("kind")
                        data__input__kind = data__input["kind"]
                        if not (isinstance(data__input__kind, str) and data__input__kind == 'amend' or isinstance(data__input__kind, str) and data__input__kind == 'insert' or isinstance(data__input__kind, str) and data__input__kind == 'delete'):
                            raise JsonSchemaValueException("" + (name_prefix or "data") + ".input.kind must be one of ['amend', 'insert', 'delete']", value=data__input__kind, name="" + (name_prefix or "data") + ".input.kind", definition={'enum': ['amend', 'insert', 'delete']}, rule='enum')
            except (JsonSchemaValueException, JsonSchemaValuesException):
                pass
            else:
                data__input_is_dict = isinstance(data__input, dict)
                if data__input_is_dict:
                    data__input__missing_keys = set(['paragraph']) - data__input.keys()
                    if data__input__missing_keys:
                        raise JsonSchemaValueException("" + (name_prefix or "data") + ".input must contain " + (str(sorted(data__input__missing_keys)) + " properties"), value=data__input, name="" + (name_prefix or "data") + ".input", definition={'required': ['paragraph']}, rule='required')
            data__input_is_dict = isinstance(data__input, dict)
            if data__input_is_dict:
                data__input__missing_keys = set(['id', 'document', 'kind', 'on_behalf_of']) - data__input.keys()
                if data__input__missing_keys:
                    raise JsonSchemaValueException("" + (name_prefix or "data") + ".input must contain " + (str(sorted(data__input__missing_keys)) + " properties"), value=data__input, name="" + (name_prefix or "data") + ".input", definition={'type': 'object', 'additionalProperties': False, 'required': ['id', 'document', 'kind', 'on_behalf_of'], 'properties': {'id': {'type': 'string', 'pattern': '^[a-z0-9][a-z0-9-]*$', 'maxLength': 80, 'description': "The input's id, also the file's name: lower-case letters, digits and hyphens, not starting with a hyphen."}, 'document': {'type': 'string', 'pattern': '^[a-z][a-z0-9]*(-[a-z0-9]+)*$', 'maxLength': 64, 'description': 'An id: lower-case letters and digits in words joined by single hyphens, starting with a letter (e.g. state-party).'}, 'kind': {'enum': ['amend', 'insert', 'delete', 'remark', 'changes', 'position'], 'description': 'changes: several amendments, insertions and deletions at once, listed under changes. position: an explanation of position or a reservation on an adopted document, citing paragraphs under paragraphs; it changes no text.'}, 'position': {'enum': ['explanation', 'reservation'], 'description': 'kind position: an explanation of position, or a reservation.'}, 'paragraphs': {'type': 'array', 'minItems': 1, 'uniqueItems': True, 'items': {'type': 'string', 'pattern': '^[a-z0-9][a-z0-9-]{2,39}$', 'description': 'A paragraph id (3 to 40 lower-case letters, digits or hyphens).'}, 'description': 'kind position: the ids of the paragraphs it is about.'}, 'on_behalf_of': {'type': 'array', 'minItems': 1, 'uniqueItems': True, 'items': {'type': 'string', 'pattern': '^[a-z][a-z0-9]*(-[a-z0-9]+)*$', 'maxLength': 64, 'description': 'An id: lower-case letters and digits in words joined by single hyphens, starting with a letter (e.g. state-party).'}, 'description': 'Registry ids of every delegation the input is made for (several for a joint input).'}, 'paragraph': {'type': 'string', 'pattern': '^[a-z0-9][a-z0-9-]{2,39}$', 'description': 'A paragraph id (3 to 40 lower-case letters, digits or hyphens). amend, delete: the paragraph; insert: the paragraph the new one follows; remark: optional.'}, 'section': {'type': 'string', 'pattern': '^[a-z][a-z0-9]*(-[a-z0-9]+)*$', 'maxLength': 64, 'description': 'An id: lower-case letters and digits in words joined by single hyphens, starting with a letter (e.g. state-party).'}, 'remark': {'type': 'string', 'minLength': 1, 'pattern': '\\S', 'description': 'The remark: some text, not only spaces.'}, 'justification': {'type': 'string'}, 'channel': {'enum': ['github', 'issue-form', 'e-mail']}, 'received': {'type': 'string', 'pattern': '^\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}(:\\d{2}(\\.\\d+)?)?(Z|[+-]\\d{2}:\\d{2})$', 'description': 'When the input was received outside GitHub, as YYYY-MM-DDTHH:MM with its UTC offset (e.g. 2020-05-04T18:30+02:00); honoured only from an account with the record-input role.'}, 'reference': {'type': 'string'}, 'issue': {'type': 'integer', 'minimum': 1}, 'changes': {'type': 'array', 'minItems': 2, 'items': {'type': 'object', 'additionalProperties': False, 'required': ['kind', 'paragraph'], 'properties': {'kind': {'enum': ['amend', 'insert', 'delete']}, 'paragraph': {'type': 'string', 'pattern': '^[a-z0-9][a-z0-9-]{2,39}$', 'description': 'A paragraph id (3 to 40 lower-case letters, digits or hyphens). amend, delete: the paragraph; insert: the paragraph the new one follows.'}, 'justification': {'type': 'string'}}}, 'description': 'kind changes: each change, in the order it is made (a marked-up Word file read back).'}}, 'allOf': [{'if': {'properties': {'kind': {'enum': ['remark', 'position']}}}, 'then': {'required': ['remark']}, 'else': {'not': {'required': ['remark']}}}, {'if': {'properties': {'kind': {'const': 'position'}}}, 'then': {'required': ['position', 'paragraphs'], 'not': {'anyOf': [{'required': ['paragraph']}, {'required': ['section']}]}}, 'else': {'not': {'anyOf': [{'required': ['position']}, {'required': ['paragraphs']}]}}}, {'if': {'properties': {'kind': {'const': 'changes'}}}, 'then': {'required': ['changes'], 'not': {'anyOf': [{'required': ['paragraph']}, {'required': ['section']}, {'required': ['justification']}]}}, 'else': {'not': {'required': ['changes']}}}, {'if': {'properties': {'kind': {'enum': ['amend', 'insert', 'delete']}}}, 'then': {'required': ['paragraph']}}]}, rule='required')
                data__input_keys = set(data__input.keys())
                if "id" in data__input_keys:
                    data__input_keys.remove("id")
                    data__input__id = data__input["id"]
                    if not isinstance(data__input__id, (str)):
                        raise JsonSchemaValueException("" + (name_prefix or "data") + ".input.id must be string", value=data__input__id, name="" + (name_prefix or "data") + ".input.id", definition={'type': 'string', 'pattern': '^[a-z0-9][a-z0-9-]*$', 'maxLength': 80, 'description': "The input's id, also the file's name: lower-case letters, digits and hyphens, not starting with a hyphen."}, rule='type')
                    if isinstance(data__input__id, str):
                        data__input__id_len = len(data__input__id)
                        if data__input__id_len > 80:
                            raise JsonSchemaValueException("" + (name_prefix or "data") + ".input.id must be shorter than or equal to 80 characters", value=data__input__id, name="" + (name_prefix or "data") + ".input.id", definition={'type': 'string', 'pattern': '^[a-z0-9][a-z0-9-]*$', 'maxLength': 80, 'description': "The input's id, also the file's name: lower-case letters, digits and hyphens, not starting with a hyphen."}, rule='maxLength')
                        if not REGEX_PATTERNS['^[a-z0-9][a-z0-9-]*$'].search(data__input__id):
                            raise JsonSchemaValueException("" + (name_prefix or "data") + ".input.id must match pattern ^[a-z0-9][a-z0-9-]*$", value=data__input__id, name="" + (name_prefix or "data") + ".input.id", definition={'type': 'string', 'pattern': '^[a-z0-9][a-z0-9-]*$', 'maxLength': 80, 'description': "The input's id, also the file's name: lower-case letters, digits and hyphens, not starting with a hyphen."}, rule='pattern')
                if "document" in data__input_keys:
                    data__input_keys.remove("document")
                    data__input__document = data__input["document"]
                    validate_https___ccmflow_invalid_schemas_input_schema_json___defs_slug(data__input__document, custom_formats, (name_prefix or "data") + ".input.document")
                if "kind" in data__input_keys:
                    data__input_keys.remove("kind")
                    data__input__kind = data__input["kind"]
                    if not (isinstance(data__input__kind, str) and data__input__kind == 'amend' or isinstance(data__input__kind, str) and data__input__kind == 'insert' or isinstance(data__input__kind, str) and data__input__kind == 'delete' or isinstance(data__input__kind, str) and data__input__kind == 'remark' or isinstance(data__input__kind, str) and data__input__kind == 'changes' or isinstance(data__input__kind, str) and data__input__kind == 'position'):
                        raise JsonSchemaValueException("" + (name_prefix or "data") + ".input.kind must be one of ['amend', 'insert', 'delete', 'remark', 'changes', 'position']", value=data__input__kind, name="" + (name_prefix or "data") + ".input.kind", definition={'enum': ['amend', 'insert', 'delete', 'remark', 'changes', 'position'], 'description': 'changes: several amendments, insertions and deletions at once, listed under changes. position: an explanation of position or a reservation on an adopted document, citing paragraphs under paragraphs; it changes no text.'}, rule='enum')
                if "position" in data__input_keys:
                    data__input_keys.remove("position")
                    data__input__position = data__input["position"]
                    if not (isinstance(data__input__position, str) and data__input__position == 'explanation' or isinstance(data__input__position, str) and data__input__position == 'reservation'):
                        raise JsonSchemaValueException("" + (name_prefix or "data") + ".input.position must be one of ['explanation', 'reservation']", value=data__input__position, name="" + (name_prefix or "data") + ".input.position", definition={'enum': ['explanation', 'reservation'], 'description': 'kind position: an explanation of position, or a reservation.'}, rule='enum')
                if "paragraphs" in data__input_keys:
                    data__input_keys.remove("paragraphs")
                    data__input__paragraphs = data__input["paragraphs"]
                    if not isinstance(data__input__paragraphs, (list, tuple)):
                        raise JsonSchemaValueException("" + (name_prefix or "data") + ".input.paragraphs must be array", value=data__input__paragraphs, name="" + (name_prefix or "data") + ".input.paragraphs", definition={'type': 'array', 'minItems': 1, 'uniqueItems': True, 'items': {'type': 'string', 'pattern': '^[a-z0-9][a-z0-9-]{2,39}$', 'description': 'A paragraph id (3 to 40 lower-case letters, digits or hyphens).'}, 'description': 'kind position: the ids of the paragraphs it is about.'}, rule='type')
                    data__input__paragraphs_is_list = isinstance(data__input__paragraphs, (list, tuple))
                    if data__input__paragraphs_is_list:
                        data__input__paragraphs_len = len(data__input__paragraphs)
                        if data__input__paragraphs_len < 1:
                            raise JsonSchemaValueException("" + (name_prefix or "data") + ".input.paragraphs must contain at least 1 items", value=data__input__paragraphs, name="" + (name_prefix or "data") + ".input.paragraphs", definition={'type': 'array', 'minItems': 1, 'uniqueItems': True, 'items': {'type': 'string', 'pattern': '^[a-z0-9][a-z0-9-]{2,39}$', 'description': 'A paragraph id (3 to 40 lower-case letters, digits or hyphens).'}, 'description': 'kind position: the ids of the paragraphs it is about.'}, rule='minItems')
                        def fn(var): return frozenset(dict((k, fn(v)) for k, v in var.items()).items()) if hasattr(var, "items") else tuple(fn(v) for v in var) if isinstance(var, (dict, list)) else (bool, var) if isinstance(var, bool) else var
                        if data__input__paragraphs_len > len(set(fn(data__input__paragraphs_x) for data__input__paragraphs_x in data__input__paragraphs)):
                            raise JsonSchemaValueException("" + (name_prefix or "data") + ".input.paragraphs must contain unique items", value=data__input__paragraphs, name="" + (name_prefix or "data") + ".input.paragraphs", definition={'type': 'array', 'minItems': 1, 'uniqueItems': True, 'items': {'type': 'string', 'pattern': '^[a-z0-9][a-z0-9-]{2,39}$', 'description': 'A paragraph id (3 to 40 lower-case letters, digits or hyphens).'}, 'description': 'kind position: the ids of the paragraphs it is about.'}, rule='uniqueItems')
                        for data__input__paragraphs_x, data__input__paragraphs_item in enumerate(data__input__paragraphs):
                            if not isinstance(data__input__paragraphs_item, (str)):
                                raise JsonSchemaValueException("" + (name_prefix or "data") + ".input.paragraphs[{data__input__paragraphs_x}]".format(**locals()) + " must be string", value=data__input__paragraphs_item, name="" + (name_prefix or "data") + ".input.paragraphs[{data__input__paragraphs_x}]".format(**locals()) + "", definition={'type': 'string', 'pattern': '^[a-z0-9][a-z0-9-]{2,39}$', 'description': 'A paragraph id (3 to 40 lower-case letters, digits or hyphens).'}, rule='type')
                            if isinstance(data__input__paragraphs_item, str):
                                if not REGEX_PATTERNS['^[a-z0-9][a-z0-9-]{2,39}$'].search(data__input__paragraphs_item):
                                    raise JsonSchemaValueException("" + (name_prefix or "data") + ".input.paragraphs[{data__input__paragraphs_x}]".format(**locals()) + " must match pattern ^[a-z0-9][a-z0-9-]{2,39}$", value=data__input__paragraphs_item, name="" + (name_prefix or "data") + ".input.paragraphs[{data__input__paragraphs_x}]".format(**locals()) + "", definition={'type': 'string', 'pattern': '^[a-z0-9][a-z0-9-]{2,39}$', 'description': 'A paragraph id (3 to 40 lower-case letters, digits or hyphens).'}, rule='pattern')
                if "on_behalf_of" in data__input_keys:
                    data__input_keys.remove("on_behalf_of")
                    data__input__onbehalfof = data__input["on_behalf_of"]
                    if not isinstance(data__input__onbehalfof, (list, tuple)):
                        raise JsonSchemaValueException("" + (name_prefix or "data") + ".input.on_behalf_of must be array", value=data__input__onbehalfof, name="" + (name_prefix or "data") + ".input.on_behalf_of", definition={'type': 'array', 'minItems': 1, 'uniqueItems': True, 'items': {'type': 'string', 'pattern': '^[a-z][a-z0-9]*(-[a-z0-9]+)*$', 'maxLength': 64, 'description': 'An id: lower-case letters and digits in words joined by single hyphens, starting with a letter (e.g. state-party).'}, 'description': 'Registry ids of every delegation the input is made for (several for a joint input).'}, rule='type')
                    data__input__onbehalfof_is_list = isinstance(data__input__onbehalfof, (list, tuple))
                    if data__input__onbehalfof_is_list:
                        data__input__onbehalfof_len = len(data__input__onbehalfof)
                        if data__input__onbehalfof_len < 1:
                            raise JsonSchemaValueException("" + (name_prefix or "data") + ".input.on_behalf_of must contain at least 1 items", value=data__input__onbehalfof, name="" + (name_prefix or "data") + ".input.on_behalf_of", definition={'type': 'array', 'minItems': 1, 'uniqueItems': True, 'items': {'type': 'string', 'pattern': '^[a-z][a-z0-9]*(-[a-z0-9]+)*$', 'maxLength': 64, 'description': 'An id: lower-case letters and digits in words joined by single hyphens, starting with a letter (e.g. state-party).'}, 'description': 'Registry ids of every delegation the input is made for (several for a joint input).'}, rule='minItems')
                        def fn(var): return frozenset(dict((k, fn(v)) for k, v in var.items()).items()) if hasattr(var, "items") else tuple(fn(v) for v in var) if isinstance(var, (dict, list)) else (bool, var) if isinstance(var, bool) else var
                        if data__input__onbehalfof_len > len(set(fn(data__input__onbehalfof_x) for data__input__onbehalfof_x in data__input__onbehalfof)):
                            raise JsonSchemaValueException("" + (name_prefix or "data") + ".input.on_behalf_of must contain unique items", value=data__input__onbehalfof, name="" + (name_prefix or "data") + ".input.on_behalf_of", definition={'type': 'array', 'minItems': 1, 'uniqueItems': True, 'items': {'type': 'string', 'pattern': '^[a-z][a-z0-9]*(-[a-z0-9]+)*$', 'maxLength': 64, 'description': 'An id: lower-case letters and digits in words joined by single hyphens, starting with a letter (e.g. state-party).'}, 'description': 'Registry ids of every delegation the input is made for (several for a joint input).'}, rule='uniqueItems')
                        for data__input__onbehalfof_x, data__input__onbehalfof_item in enumerate(data__input__onbehalfof):
                            validate_https___ccmflow_invalid_schemas_input_schema_json___defs_slug(data__input__onbehalfof_item, custom_formats, (name_prefix or "data") + ".input.on_behalf_of[{data__input__onbehalfof_x}]".format(**locals()))
                if "paragraph" in data__input_keys:
                    data__input_keys.remove("paragraph")
                    data__input__paragraph = data__input["paragraph"]
                    if not isinstance(data__input__paragraph, (str)):
                        raise JsonSchemaValueException("" + (name_prefix or "data") + ".input.paragraph must be string", value=data__input__paragraph, name="" + (name_prefix or "data") + ".input.paragraph", definition={'type': 'string', 'pattern': '^[a-z0-9][a-z0-9-]{2,39}$', 'description': 'A paragraph id (3 to 40 lower-case letters, digits or hyphens). amend, delete: the paragraph; insert: the paragraph the new one follows; remark: optional.'}, rule='type')
                    if isinstance(data__input__paragraph, str):
                        if not REGEX_PATTERNS['^[a-z0-9][a-z0-9-]{2,39}$'].search(data__input__paragraph):
                            raise JsonSchemaValueException("" + (name_prefix or "data") + ".input.paragraph must match pattern ^[a-z0-9][a-z0-9-]{2,39}$", value=data__input__paragraph, name="" + (name_prefix or "data") + ".input.paragraph", definition={'type': 'string', 'pattern': '^[a-z0-9][a-z0-9-]{2,39}$', 'description': 'A paragraph id (3 to 40 lower-case letters, digits or hyphens). amend, delete: the paragraph; insert: the paragraph the new one follows; remark: optional.'}, rule='pattern')
                if "section" in data__input_keys:
                    data__input_keys.remove("section")
                    data__input__section = data__input["section"]
                    validate_https___ccmflow_invalid_schemas_input_schema_json___defs_slug(data__input__section, custom_formats, (name_prefix or "data") + ".input.section")
                if "remark" in data__input_keys:
                    data__input_keys.remove("remark")
                    data__input__remark = data__input["remark"]
                    if not isinstance(data__input__remark, (str)):
                        raise JsonSchemaValueException("" + (name_prefix or "data") + ".input.remark must be string", value=data__input__remark, name="" + (name_prefix or "data") + ".input.remark", definition={'type': 'string', 'minLength': 1, 'pattern': '\\S', 'description': 'The remark: some text, not only spaces.'}, rule='type')
                    if isinstance(data__input__remark, str):
                        data__input__remark_len = len(data__input__remark)
                        if data__input__remark_len < 1:
                            raise JsonSchemaValueException("" + (name_prefix or "data") + ".input.remark must be longer than or equal to 1 characters", value=data__input__remark, name="" + (name_prefix or "data") + ".input.remark", definition={'type': 'string', 'minLength': 1, 'pattern': '\\S', 'description': 'The remark: some text, not only spaces.'}, rule='minLength')
                        if not REGEX_PATTERNS['\\S'].search(data__input__remark):
                            raise JsonSchemaValueException("" + (name_prefix or "data") + ".input.remark must match pattern \\S", value=data__input__remark, name="" + (name_prefix or "data") + ".input.remark", definition={'type': 'string', 'minLength': 1, 'pattern': '\\S', 'description': 'The remark: some text, not only spaces.'}, rule='pattern')
                if "justification" in data__input_keys:
                    data__input_keys.remove("justification")
                    data__input__justification = data__input["justification"]
                    if not isinstance(data__input__justification, (str)):
                        raise JsonSchemaValueException("" + (name_prefix or "data") + ".input.justification must be string", value=data__input__justification, name="" + (name_prefix or "data") + ".input.justification", definition={'type': 'string'}, rule='type')
                if "channel" in data__input_keys:
                    data__input_keys.remove("channel")
                    data__input__channel = data__input["channel"]
                    if not (isinstance(data__input__channel, str) and data__input__channel == 'github' or isinstance(data__input__channel, str) and data__input__channel == 'issue-form' or isinstance(data__input__channel, str) and data__input__channel == 'e-mail'):
                        raise JsonSchemaValueException("" + (name_prefix or "data") + ".input.channel must be one of ['github', 'issue-form', 'e-mail']", value=data__input__channel, name="" + (name_prefix or "data") + ".input.channel", definition={'enum': ['github', 'issue-form', 'e-mail']}, rule='enum')
                if "received" in data__input_keys:
                    data__input_keys.remove("received")
                    data__input__received = data__input["received"]
                    if not isinstance(data__input__received, (str)):
                        raise JsonSchemaValueException("" + (name_prefix or "data") + ".input.received must be string", value=data__input__received, name="" + (name_prefix or "data") + ".input.received", definition={'type': 'string', 'pattern': '^\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}(:\\d{2}(\\.\\d+)?)?(Z|[+-]\\d{2}:\\d{2})$', 'description': 'When the input was received outside GitHub, as YYYY-MM-DDTHH:MM with its UTC offset (e.g. 2020-05-04T18:30+02:00); honoured only from an account with the record-input role.'}, rule='type')
                    if isinstance(data__input__received, str):
                        if not REGEX_PATTERNS['^\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}(:\\d{2}(\\.\\d+)?)?(Z|[+-]\\d{2}:\\d{2})$'].search(data__input__received):
                            raise JsonSchemaValueException("" + (name_prefix or "data") + ".input.received must match pattern ^\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}(:\\d{2}(\\.\\d+)?)?(Z|[+-]\\d{2}:\\d{2})$", value=data__input__received, name="" + (name_prefix or "data") + ".input.received", definition={'type': 'string', 'pattern': '^\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}(:\\d{2}(\\.\\d+)?)?(Z|[+-]\\d{2}:\\d{2})$', 'description': 'When the input was received outside GitHub, as YYYY-MM-DDTHH:MM with its UTC offset (e.g. 2020-05-04T18:30+02:00); honoured only from an account with the record-input role.'}, rule='pattern')
                if "reference" in data__input_keys:
                    data__input_keys.remove("reference")
                    data__input__reference = data__input["reference"]
                    if not isinstance(data__input__reference, (str)):
                        raise JsonSchemaValueException("" + (name_prefix or "data") + ".input.reference must be string", value=data__input__reference, name="" + (name_prefix or "data") + ".input.reference", definition={'type': 'string'}, rule='type')
                if "issue" in data__input_keys:
                    data__input_keys.remove("issue")
                    data__input__issue = data__input["issue"]
                    if not isinstance(data__input__issue, (int)) and not (isinstance(data__input__issue, float) and data__input__issue.is_integer()) or isinstance(data__input__issue, bool):
                        raise JsonSchemaValueException("" + (name_prefix or "data") + ".input.issue must be integer", value=data__input__issue, name="" + (name_prefix or "data") + ".input.issue", definition={'type': 'integer', 'minimum': 1}, rule='type')
                    if isinstance(data__input__issue, (int, float, Decimal)) and not isinstance(data__input__issue, bool):
                        if data__input__issue < 1:
                            raise JsonSchemaValueException("" + (name_prefix or "data") + ".input.issue must be bigger than or equal to 1", value=data__input__issue, name="" + (name_prefix or "data") + ".input.issue", definition={'type': 'integer', 'minimum': 1}, rule='minimum')
                if "changes" in data__input_keys:
                    data__input_keys.remove("changes")
                    data__input__changes = data__input["changes"]
                    if not isinstance(data__input__changes, (list, tuple)):
                        raise JsonSchemaValueException("" + (name_prefix or "data") + ".input.changes must be array", value=data__input__changes, name="" + (name_prefix or "data") + ".input.changes", definition={'type': 'array', 'minItems': 2, 'items': {'type': 'object', 'additionalProperties': False, 'required': ['kind', 'paragraph'], 'properties': {'kind': {'enum': ['amend', 'insert', 'delete']}, 'paragraph': {'type': 'string', 'pattern': '^[a-z0-9][a-z0-9-]{2,39}$', 'description': 'A paragraph id (3 to 40 lower-case letters, digits or hyphens). amend, delete: the paragraph; insert: the paragraph the new one follows.'}, 'justification': {'type': 'string'}}}, 'description': 'kind changes: each change, in the order it is made (a marked-up Word file read back).'}, rule='type')
                    data__input__changes_is_list = isinstance(data__input__changes, (list, tuple))
                    if data__input__changes_is_list:
                        data__input__changes_len = len(data__input__changes)
                        if data__input__changes_len < 2:
                            raise JsonSchemaValueException("" + (name_prefix or "data") + ".input.changes must contain at least 2 items", value=data__input__changes, name="" + (name_prefix or "data") + ".input.changes", definition={'type': 'array', 'minItems': 2, 'items': {'type': 'object', 'additionalProperties': False, 'required': ['kind', 'paragraph'], 'properties': {'kind': {'enum': ['amend', 'insert', 'delete']}, 'paragraph': {'type': 'string', 'pattern': '^[a-z0-9][a-z0-9-]{2,39}$', 'description': 'A paragraph id (3 to 40 lower-case letters, digits or hyphens). amend, delete: the paragraph; insert: the paragraph the new one follows.'}, 'justification': {'type': 'string'}}}, 'description': 'kind changes: each change, in the order it is made (a marked-up Word file read back).'}, rule='minItems')
                        for data__input__changes_x, data__input__changes_item in enumerate(data__input__changes):
                            validate_https___ccmflow_invalid_schemas_input_schema_json___defs_change(data__input__changes_item, custom_formats, (name_prefix or "data") + ".input.changes[{data__input__changes_x}]".format(**locals()))
                if data__input_keys:
                    raise JsonSchemaValueException("" + (name_prefix or "data") + ".input must not contain "+str(data__input_keys)+" properties", value=data__input, name="" + (name_prefix or "data") + ".input", definition={'type': 'object', 'additionalProperties': False, 'required': ['id', 'document', 'kind', 'on_behalf_of'], 'properties': {'id': {'type': 'string', 'pattern': '^[a-z0-9][a-z0-9-]*$', 'maxLength': 80, 'description': "The input's id, also the file's name: lower-case letters, digits and hyphens, not starting with a hyphen."}, 'document': {'type': 'string', 'pattern': '^[a-z][a-z0-9]*(-[a-z0-9]+)*$', 'maxLength': 64, 'description': 'An id: lower-case letters and digits in words joined by single hyphens, starting with a letter (e.g. state-party).'}, 'kind': {'enum': ['amend', 'insert', 'delete', 'remark', 'changes', 'position'], 'description': 'changes: several amendments, insertions and deletions at once, listed under changes. position: an explanation of position or a reservation on an adopted document, citing paragraphs under paragraphs; it changes no text.'}, 'position': {'enum': ['explanation', 'reservation'], 'description': 'kind position: an explanation of position, or a reservation.'}, 'paragraphs': {'type': 'array', 'minItems': 1, 'uniqueItems': True, 'items': {'type': 'string', 'pattern': '^[a-z0-9][a-z0-9-]{2,39}$', 'description': 'A paragraph id (3 to 40 lower-case letters, digits or hyphens).'}, 'description': 'kind position: the ids of the paragraphs it is about.'}, 'on_behalf_of': {'type': 'array', 'minItems': 1, 'uniqueItems': True, 'items': {'type': 'string', 'pattern': '^[a-z][a-z0-9]*(-[a-z0-9]+)*$', 'maxLength': 64, 'description': 'An id: lower-case letters and digits in words joined by single hyphens, starting with a letter (e.g. state-party).'}, 'description': 'Registry ids of every delegation the input is made for (several for a joint input).'}, 'paragraph': {'type': 'string', 'pattern': '^[a-z0-9][a-z0-9-]{2,39}$', 'description': 'A paragraph id (3 to 40 lower-case letters, digits or hyphens). amend, delete: the paragraph; insert: the paragraph the new one follows; remark: optional.'}, 'section': {'type': 'string', 'pattern': '^[a-z][a-z0-9]*(-[a-z0-9]+)*$', 'maxLength': 64, 'description': 'An id: lower-case letters and digits in words joined by single hyphens, starting with a letter (e.g. state-party).'}, 'remark': {'type': 'string', 'minLength': 1, 'pattern': '\\S', 'description': 'The remark: some text, not only spaces.'}, 'justification': {'type': 'string'}, 'channel': {'enum': ['github', 'issue-form', 'e-mail']}, 'received': {'type': 'string', 'pattern': '^\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}(:\\d{2}(\\.\\d+)?)?(Z|[+-]\\d{2}:\\d{2})$', 'description': 'When the input was received outside GitHub, as YYYY-MM-DDTHH:MM with its UTC offset (e.g. 2020-05-04T18:30+02:00); honoured only from an account with the record-input role.'}, 'reference': {'type': 'string'}, 'issue': {'type': 'integer', 'minimum': 1}, 'changes': {'type': 'array', 'minItems': 2, 'items': {'type': 'object', 'additionalProperties': False, 'required': ['kind', 'paragraph'], 'properties': {'kind': {'enum': ['amend', 'insert', 'delete']}, 'paragraph': {'type': 'string', 'pattern': '^[a-z0-9][a-z0-9-]{2,39}$', 'description': 'A paragraph id (3 to 40 lower-case letters, digits or hyphens). amend, delete: the paragraph; insert: the paragraph the new one follows.'}, 'justification': {'type': 'string'}}}, 'description': 'kind changes: each change, in the order it is made (a marked-up Word file read back).'}}, 'allOf': [{'if': {'properties': {'kind': {'enum': ['remark', 'position']}}}, 'then': {'required': ['remark']}, 'else': {'not': {'required': ['remark']}}}, {'if': {'properties': {'kind': {'const': 'position'}}}, 'then': {'required': ['position', 'paragraphs'], 'not': {'anyOf': [{'required': ['paragraph']}, {'required': ['section']}]}}, 'else': {'not': {'anyOf': [{'required': ['position']}, {'required': ['paragraphs']}]}}}, {'if': {'properties': {'kind': {'const': 'changes'}}}, 'then': {'required': ['changes'], 'not': {'anyOf': [{'required': ['paragraph']}, {'required': ['section']}, {'required': ['justification']}]}}, 'else': {'not': {'required': ['changes']}}}, {'if': {'properties': {'kind': {'enum': ['amend', 'insert', 'delete']}}}, 'then': {'required': ['paragraph']}}]}, rule='additionalProperties')
        if data_keys:
            raise JsonSchemaValueException("" + (name_prefix or "data") + " must not contain "+str(data_keys)+" properties", value=data, name="" + (name_prefix or "data") + "", definition={'$schema': 'https://json-schema.org/draft/2020-12/schema', '$id': 'https://ccmflow.invalid/schemas/input.schema.json', 'title': 'ccmflow input record', 'description': "One input's metadata, kept beside the change it makes: documents/inputs/<document>/<id>.yaml.", 'type': 'object', 'additionalProperties': False, 'required': ['input'], 'properties': {'input': {'type': 'object', 'additionalProperties': False, 'required': ['id', 'document', 'kind', 'on_behalf_of'], 'properties': {'id': {'type': 'string', 'pattern': '^[a-z0-9][a-z0-9-]*$', 'maxLength': 80, 'description': "The input's id, also the file's name: lower-case letters, digits and hyphens, not starting with a hyphen."}, 'document': {'type': 'string', 'pattern': '^[a-z][a-z0-9]*(-[a-z0-9]+)*$', 'maxLength': 64, 'description': 'An id: lower-case letters and digits in words joined by single hyphens, starting with a letter (e.g. state-party).'}, 'kind': {'enum': ['amend', 'insert', 'delete', 'remark', 'changes', 'position'], 'description': 'changes: several amendments, insertions and deletions at once, listed under changes. position: an explanation of position or a reservation on an adopted document, citing paragraphs under paragraphs; it changes no text.'}, 'position': {'enum': ['explanation', 'reservation'], 'description': 'kind position: an explanation of position, or a reservation.'}, 'paragraphs': {'type': 'array', 'minItems': 1, 'uniqueItems': True, 'items': {'type': 'string', 'pattern': '^[a-z0-9][a-z0-9-]{2,39}$', 'description': 'A paragraph id (3 to 40 lower-case letters, digits or hyphens).'}, 'description': 'kind position: the ids of the paragraphs it is about.'}, 'on_behalf_of': {'type': 'array', 'minItems': 1, 'uniqueItems': True, 'items': {'type': 'string', 'pattern': '^[a-z][a-z0-9]*(-[a-z0-9]+)*$', 'maxLength': 64, 'description': 'An id: lower-case letters and digits in words joined by single hyphens, starting with a letter (e.g. state-party).'}, 'description': 'Registry ids of every delegation the input is made for (several for a joint input).'}, 'paragraph': {'type': 'string', 'pattern': '^[a-z0-9][a-z0-9-]{2,39}$', 'description': 'A paragraph id (3 to 40 lower-case letters, digits or hyphens). amend, delete: the paragraph; insert: the paragraph the new one follows; remark: optional.'}, 'section': {'type': 'string', 'pattern': '^[a-z][a-z0-9]*(-[a-z0-9]+)*$', 'maxLength': 64, 'description': 'An id: lower-case letters and digits in words joined by single hyphens, starting with a letter (e.g. state-party).'}, 'remark': {'type': 'string', 'minLength': 1, 'pattern': '\\S', 'description': 'The remark: some text, not only spaces.'}, 'justification': {'type': 'string'}, 'channel': {'enum': ['github', 'issue-form', 'e-mail']}, 'received': {'type': 'string', 'pattern': '^\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}(:\\d{2}(\\.\\d+)?)?(Z|[+-]\\d{2}:\\d{2})$', 'description': 'When the input was received outside GitHub, as YYYY-MM-DDTHH:MM with its UTC offset (e.g. 2020-05-04T18:30+02:00); honoured only from an account with the record-input role.'}, 'reference': {'type': 'string'}, 'issue': {'type': 'integer', 'minimum': 1}, 'changes': {'type': 'array', 'minItems': 2, 'items': {'type': 'object', 'additionalProperties': False, 'required': ['kind', 'paragraph'], 'properties': {'kind': {'enum': ['amend', 'insert', 'delete']}, 'paragraph': {'type': 'string', 'pattern': '^[a-z0-9][a-z0-9-]{2,39}$', 'description': 'A paragraph id (3 to 40 lower-case letters, digits or hyphens). amend, delete: the paragraph; insert: the paragraph the new one follows.'}, 'justification': {'type': 'string'}}}, 'description': 'kind changes: each change, in the order it is made (a marked-up Word file read back).'}}, 'allOf': [{'if': {'properties': {'kind': {'enum': ['remark', 'position']}}}, 'then': {'required': ['remark']}, 'else': {'not': {'required': ['remark']}}}, {'if': {'properties': {'kind': {'const': 'position'}}}, 'then': {'required': ['position', 'paragraphs'], 'not': {'anyOf': [{'required': ['paragraph']}, {'required': ['section']}]}}, 'else': {'not': {'anyOf': [{'required': ['position']}, {'required': ['paragraphs']}]}}}, {'if': {'properties': {'kind': {'const': 'changes'}}}, 'then': {'required': ['changes'], 'not': {'anyOf': [{'required': ['paragraph']}, {'required': ['section']}, {'required': ['justification']}]}}, 'else': {'not': {'required': ['changes']}}}, {'if': {'properties': {'kind': {'enum': ['amend', 'insert', 'delete']}}}, 'then': {'required': ['paragraph']}}]}}, '$defs': {'change': {'type': 'object', 'additionalProperties': False, 'required': ['kind', 'paragraph'], 'properties': {'kind': {'enum': ['amend', 'insert', 'delete']}, 'paragraph': {'type': 'string', 'pattern': '^[a-z0-9][a-z0-9-]{2,39}$', 'description': 'A paragraph id (3 to 40 lower-case letters, digits or hyphens). amend, delete: the paragraph; insert: the paragraph the new one follows.'}, 'justification': {'type': 'string'}}}, 'slug': {'type': 'string', 'pattern': '^[a-z][a-z0-9]*(-[a-z0-9]+)*$', 'maxLength': 64, 'description': 'An id: lower-case letters and digits in words joined by single hyphens, starting with a letter (e.g. state-party).'}}}, rule='additionalProperties')
    return data

def validate_https___ccmflow_invalid_schemas_input_schema_json___defs_change(data, custom_formats={}, name_prefix=None):
    if not isinstance(data, (dict)):
        raise JsonSchemaValueException("" + (name_prefix or "data") + " must be object", value=data, name="" + (name_prefix or "data") + "", definition={'type': 'object', 'additionalProperties': False, 'required': ['kind', 'paragraph'], 'properties': {'kind': {'enum': ['amend', 'insert', 'delete']}, 'paragraph': {'type': 'string', 'pattern': '^[a-z0-9][a-z0-9-]{2,39}$', 'description': 'A paragraph id (3 to 40 lower-case letters, digits or hyphens). amend, delete: the paragraph; insert: the paragraph the new one follows.'}, 'justification': {'type': 'string'}}}, rule='type')
    data_is_dict = isinstance(data, dict)
    if data_is_dict:
        data__missing_keys = set(['kind', 'paragraph']) - data.keys()
        if data__missing_keys:
            raise JsonSchemaValueException("" + (name_prefix or "data") + " must contain " + (str(sorted(data__missing_keys)) + " properties"), value=data, name="" + (name_prefix or "data") + "", definition={'type': 'object', 'additionalProperties': False, 'required': ['kind', 'paragraph'], 'properties': {'kind': {'enum': ['amend', 'insert', 'delete']}, 'paragraph': {'type': 'string', 'pattern': '^[a-z0-9][a-z0-9-]{2,39}$', 'description': 'A paragraph id (3 to 40 lower-case letters, digits or hyphens). amend, delete: the paragraph; insert: the paragraph the new one follows.'}, 'justification': {'type': 'string'}}}, rule='required')
        data_keys = set(data.keys())
        if "kind" in data_keys:
            data_keys.remove("kind")
            data__kind = data["kind"]
            if not (isinstance(data__kind, str) and data__kind == 'amend' or isinstance(data__kind, str) and data__kind == 'insert' or isinstance(data__kind, str) and data__kind == 'delete'):
                raise JsonSchemaValueException("" + (name_prefix or "data") + ".kind must be one of ['amend', 'insert', 'delete']", value=data__kind, name="" + (name_prefix or "data") + ".kind", definition={'enum': ['amend', 'insert', 'delete']}, rule='enum')
        if "paragraph" in data_keys:
            data_keys.remove("paragraph")
            data__paragraph = data["paragraph"]
            if not isinstance(data__paragraph, (str)):
                raise JsonSchemaValueException("" + (name_prefix or "data") + ".paragraph must be string", value=data__paragraph, name="" + (name_prefix or "data") + ".paragraph", definition={'type': 'string', 'pattern': '^[a-z0-9][a-z0-9-]{2,39}$', 'description': 'A paragraph id (3 to 40 lower-case letters, digits or hyphens). amend, delete: the paragraph; insert: the paragraph the new one follows.'}, rule='type')
            if isinstance(data__paragraph, str):
                if not REGEX_PATTERNS['^[a-z0-9][a-z0-9-]{2,39}$'].search(data__paragraph):
                    raise JsonSchemaValueException("" + (name_prefix or "data") + ".paragraph must match pattern ^[a-z0-9][a-z0-9-]{2,39}$", value=data__paragraph, name="" + (name_prefix or "data") + ".paragraph", definition={'type': 'string', 'pattern': '^[a-z0-9][a-z0-9-]{2,39}$', 'description': 'A paragraph id (3 to 40 lower-case letters, digits or hyphens). amend, delete: the paragraph; insert: the paragraph the new one follows.'}, rule='pattern')
        if "justification" in data_keys:
            data_keys.remove("justification")
            data__justification = data["justification"]
            if not isinstance(data__justification, (str)):
                raise JsonSchemaValueException("" + (name_prefix or "data") + ".justification must be string", value=data__justification, name="" + (name_prefix or "data") + ".justification", definition={'type': 'string'}, rule='type')
        if data_keys:
            raise JsonSchemaValueException("" + (name_prefix or "data") + " must not contain "+str(data_keys)+" properties", value=data, name="" + (name_prefix or "data") + "", definition={'type': 'object', 'additionalProperties': False, 'required': ['kind', 'paragraph'], 'properties': {'kind': {'enum': ['amend', 'insert', 'delete']}, 'paragraph': {'type': 'string', 'pattern': '^[a-z0-9][a-z0-9-]{2,39}$', 'description': 'A paragraph id (3 to 40 lower-case letters, digits or hyphens). amend, delete: the paragraph; insert: the paragraph the new one follows.'}, 'justification': {'type': 'string'}}}, rule='additionalProperties')
    return data

def validate_https___ccmflow_invalid_schemas_input_schema_json___defs_slug(data, custom_formats={}, name_prefix=None):
    if not isinstance(data, (str)):
        raise JsonSchemaValueException("" + (name_prefix or "data") + " must be string", value=data, name="" + (name_prefix or "data") + "", definition={'type': 'string', 'pattern': '^[a-z][a-z0-9]*(-[a-z0-9]+)*$', 'maxLength': 64, 'description': 'An id: lower-case letters and digits in words joined by single hyphens, starting with a letter (e.g. state-party).'}, rule='type')
    if isinstance(data, str):
        data_len = len(data)
        if data_len > 64:
            raise JsonSchemaValueException("" + (name_prefix or "data") + " must be shorter than or equal to 64 characters", value=data, name="" + (name_prefix or "data") + "", definition={'type': 'string', 'pattern': '^[a-z][a-z0-9]*(-[a-z0-9]+)*$', 'maxLength': 64, 'description': 'An id: lower-case letters and digits in words joined by single hyphens, starting with a letter (e.g. state-party).'}, rule='maxLength')
        if not REGEX_PATTERNS['^[a-z][a-z0-9]*(-[a-z0-9]+)*$'].search(data):
            raise JsonSchemaValueException("" + (name_prefix or "data") + " must match pattern ^[a-z][a-z0-9]*(-[a-z0-9]+)*$", value=data, name="" + (name_prefix or "data") + "", definition={'type': 'string', 'pattern': '^[a-z][a-z0-9]*(-[a-z0-9]+)*$', 'maxLength': 64, 'description': 'An id: lower-case letters and digits in words joined by single hyphens, starting with a letter (e.g. state-party).'}, rule='pattern')
    return data


validate = validate_https___ccmflow_invalid_schemas_input_schema_json
DEFINITIONS = {
    "change": validate_https___ccmflow_invalid_schemas_input_schema_json___defs_change,
    "slug": validate_https___ccmflow_invalid_schemas_input_schema_json___defs_slug,
}
