# Generated from ccmflow/schemas/dispositions.schema.json by `python -m ccmflow.read.schemagen` (fastjsonschema 2.22.3): do not edit.
# ruff: noqa
# mypy: ignore-errors
SCHEMA_SHA256 = "e0ae946b827447a8169c2a3357aff4ebe4bc3db1e5ed216c332ae8a057381c06"
VERSION = "2.22.3"
from decimal import Decimal
import re
from ccmflow.read.validators import JsonSchemaValueException, JsonSchemaValuesException


REGEX_PATTERNS = {
    '^[a-z0-9][a-z0-9-]*$': re.compile('^[a-z0-9][a-z0-9-]*\\Z'),
    '\\S': re.compile('\\S'),
    '^[a-z0-9][a-z0-9-]{2,39}$': re.compile('^[a-z0-9][a-z0-9-]{2,39}\\Z'),
    '^[a-z][a-z0-9]*(-[a-z0-9]+)*$': re.compile('^[a-z][a-z0-9]*(-[a-z0-9]+)*\\Z')
}

NoneType = type(None)

def validate_https___ccmflow_invalid_schemas_dispositions_schema_json(data, custom_formats={}, name_prefix=None):
    if not isinstance(data, (dict)):
        raise JsonSchemaValueException("" + (name_prefix or "data") + " must be object", value=data, name="" + (name_prefix or "data") + "", definition={'$schema': 'https://json-schema.org/draft/2020-12/schema', '$id': 'https://ccmflow.invalid/schemas/dispositions.schema.json', 'title': 'ccmflow disposition register', 'description': 'What became of every input of one window in the version it led to (written by ccmflow consolidate; the presidency edits the reasons).', 'type': 'object', 'additionalProperties': False, 'required': ['window', 'document', 'version', 'inputs'], 'properties': {'window': {'type': 'string', 'pattern': '^[a-z][a-z0-9]*(-[a-z0-9]+)*$', 'maxLength': 64}, 'document': {'type': 'string', 'pattern': '^[a-z][a-z0-9]*(-[a-z0-9]+)*$', 'maxLength': 64}, 'version': {'type': 'string', 'pattern': '^[a-z][a-z0-9]*(-[a-z0-9]+)*$', 'maxLength': 64}, 'inputs': {'type': 'array', 'items': {'type': 'object', 'additionalProperties': False, 'required': ['input', 'outcome', 'reason'], 'properties': {'input': {'type': 'string', 'pattern': '^[a-z0-9][a-z0-9-]*$', 'description': 'The input, e.g. pr-12.'}, 'title': {'type': 'string'}, 'stakeholder': {'type': 'string', 'description': 'The delegation or organisation it came from (stakeholders.yaml id).'}, 'joint': {'type': 'array', 'items': {'type': 'string'}, 'uniqueItems': True, 'description': 'The other delegations of a joint input (stakeholders.yaml ids).'}, 'outcome': {'enum': ['incorporated', 'partly-incorporated', 'not-retained', 'superseded', 'noted']}, 'reason': {'type': 'string', 'minLength': 1, 'pattern': '\\S', 'description': 'A short reason; the presidency may edit it.'}, 'paragraphs': {'type': 'array', 'items': {'type': 'string', 'pattern': '^[a-z0-9][a-z0-9-]{2,39}$'}, 'uniqueItems': True, 'description': 'Ids of the paragraphs the input led to in this version.'}, 'superseded_by': {'type': 'array', 'items': {'type': 'string', 'pattern': '^[a-z0-9][a-z0-9-]*$'}, 'uniqueItems': True}}}}}, '$defs': {'slug': {'type': 'string', 'pattern': '^[a-z][a-z0-9]*(-[a-z0-9]+)*$', 'maxLength': 64}, 'input': {'type': 'object', 'additionalProperties': False, 'required': ['input', 'outcome', 'reason'], 'properties': {'input': {'type': 'string', 'pattern': '^[a-z0-9][a-z0-9-]*$', 'description': 'The input, e.g. pr-12.'}, 'title': {'type': 'string'}, 'stakeholder': {'type': 'string', 'description': 'The delegation or organisation it came from (stakeholders.yaml id).'}, 'joint': {'type': 'array', 'items': {'type': 'string'}, 'uniqueItems': True, 'description': 'The other delegations of a joint input (stakeholders.yaml ids).'}, 'outcome': {'enum': ['incorporated', 'partly-incorporated', 'not-retained', 'superseded', 'noted']}, 'reason': {'type': 'string', 'minLength': 1, 'pattern': '\\S', 'description': 'A short reason; the presidency may edit it.'}, 'paragraphs': {'type': 'array', 'items': {'type': 'string', 'pattern': '^[a-z0-9][a-z0-9-]{2,39}$'}, 'uniqueItems': True, 'description': 'Ids of the paragraphs the input led to in this version.'}, 'superseded_by': {'type': 'array', 'items': {'type': 'string', 'pattern': '^[a-z0-9][a-z0-9-]*$'}, 'uniqueItems': True}}}}}, rule='type')
    data_is_dict = isinstance(data, dict)
    if data_is_dict:
        data__missing_keys = set(['window', 'document', 'version', 'inputs']) - data.keys()
        if data__missing_keys:
            raise JsonSchemaValueException("" + (name_prefix or "data") + " must contain " + (str(sorted(data__missing_keys)) + " properties"), value=data, name="" + (name_prefix or "data") + "", definition={'$schema': 'https://json-schema.org/draft/2020-12/schema', '$id': 'https://ccmflow.invalid/schemas/dispositions.schema.json', 'title': 'ccmflow disposition register', 'description': 'What became of every input of one window in the version it led to (written by ccmflow consolidate; the presidency edits the reasons).', 'type': 'object', 'additionalProperties': False, 'required': ['window', 'document', 'version', 'inputs'], 'properties': {'window': {'type': 'string', 'pattern': '^[a-z][a-z0-9]*(-[a-z0-9]+)*$', 'maxLength': 64}, 'document': {'type': 'string', 'pattern': '^[a-z][a-z0-9]*(-[a-z0-9]+)*$', 'maxLength': 64}, 'version': {'type': 'string', 'pattern': '^[a-z][a-z0-9]*(-[a-z0-9]+)*$', 'maxLength': 64}, 'inputs': {'type': 'array', 'items': {'type': 'object', 'additionalProperties': False, 'required': ['input', 'outcome', 'reason'], 'properties': {'input': {'type': 'string', 'pattern': '^[a-z0-9][a-z0-9-]*$', 'description': 'The input, e.g. pr-12.'}, 'title': {'type': 'string'}, 'stakeholder': {'type': 'string', 'description': 'The delegation or organisation it came from (stakeholders.yaml id).'}, 'joint': {'type': 'array', 'items': {'type': 'string'}, 'uniqueItems': True, 'description': 'The other delegations of a joint input (stakeholders.yaml ids).'}, 'outcome': {'enum': ['incorporated', 'partly-incorporated', 'not-retained', 'superseded', 'noted']}, 'reason': {'type': 'string', 'minLength': 1, 'pattern': '\\S', 'description': 'A short reason; the presidency may edit it.'}, 'paragraphs': {'type': 'array', 'items': {'type': 'string', 'pattern': '^[a-z0-9][a-z0-9-]{2,39}$'}, 'uniqueItems': True, 'description': 'Ids of the paragraphs the input led to in this version.'}, 'superseded_by': {'type': 'array', 'items': {'type': 'string', 'pattern': '^[a-z0-9][a-z0-9-]*$'}, 'uniqueItems': True}}}}}, '$defs': {'slug': {'type': 'string', 'pattern': '^[a-z][a-z0-9]*(-[a-z0-9]+)*$', 'maxLength': 64}, 'input': {'type': 'object', 'additionalProperties': False, 'required': ['input', 'outcome', 'reason'], 'properties': {'input': {'type': 'string', 'pattern': '^[a-z0-9][a-z0-9-]*$', 'description': 'The input, e.g. pr-12.'}, 'title': {'type': 'string'}, 'stakeholder': {'type': 'string', 'description': 'The delegation or organisation it came from (stakeholders.yaml id).'}, 'joint': {'type': 'array', 'items': {'type': 'string'}, 'uniqueItems': True, 'description': 'The other delegations of a joint input (stakeholders.yaml ids).'}, 'outcome': {'enum': ['incorporated', 'partly-incorporated', 'not-retained', 'superseded', 'noted']}, 'reason': {'type': 'string', 'minLength': 1, 'pattern': '\\S', 'description': 'A short reason; the presidency may edit it.'}, 'paragraphs': {'type': 'array', 'items': {'type': 'string', 'pattern': '^[a-z0-9][a-z0-9-]{2,39}$'}, 'uniqueItems': True, 'description': 'Ids of the paragraphs the input led to in this version.'}, 'superseded_by': {'type': 'array', 'items': {'type': 'string', 'pattern': '^[a-z0-9][a-z0-9-]*$'}, 'uniqueItems': True}}}}}, rule='required')
        data_keys = set(data.keys())
        if "window" in data_keys:
            data_keys.remove("window")
            data__window = data["window"]
            validate_https___ccmflow_invalid_schemas_dispositions_schema_json___defs_slug(data__window, custom_formats, (name_prefix or "data") + ".window")
        if "document" in data_keys:
            data_keys.remove("document")
            data__document = data["document"]
            validate_https___ccmflow_invalid_schemas_dispositions_schema_json___defs_slug(data__document, custom_formats, (name_prefix or "data") + ".document")
        if "version" in data_keys:
            data_keys.remove("version")
            data__version = data["version"]
            validate_https___ccmflow_invalid_schemas_dispositions_schema_json___defs_slug(data__version, custom_formats, (name_prefix or "data") + ".version")
        if "inputs" in data_keys:
            data_keys.remove("inputs")
            data__inputs = data["inputs"]
            if not isinstance(data__inputs, (list, tuple)):
                raise JsonSchemaValueException("" + (name_prefix or "data") + ".inputs must be array", value=data__inputs, name="" + (name_prefix or "data") + ".inputs", definition={'type': 'array', 'items': {'type': 'object', 'additionalProperties': False, 'required': ['input', 'outcome', 'reason'], 'properties': {'input': {'type': 'string', 'pattern': '^[a-z0-9][a-z0-9-]*$', 'description': 'The input, e.g. pr-12.'}, 'title': {'type': 'string'}, 'stakeholder': {'type': 'string', 'description': 'The delegation or organisation it came from (stakeholders.yaml id).'}, 'joint': {'type': 'array', 'items': {'type': 'string'}, 'uniqueItems': True, 'description': 'The other delegations of a joint input (stakeholders.yaml ids).'}, 'outcome': {'enum': ['incorporated', 'partly-incorporated', 'not-retained', 'superseded', 'noted']}, 'reason': {'type': 'string', 'minLength': 1, 'pattern': '\\S', 'description': 'A short reason; the presidency may edit it.'}, 'paragraphs': {'type': 'array', 'items': {'type': 'string', 'pattern': '^[a-z0-9][a-z0-9-]{2,39}$'}, 'uniqueItems': True, 'description': 'Ids of the paragraphs the input led to in this version.'}, 'superseded_by': {'type': 'array', 'items': {'type': 'string', 'pattern': '^[a-z0-9][a-z0-9-]*$'}, 'uniqueItems': True}}}}, rule='type')
            data__inputs_is_list = isinstance(data__inputs, (list, tuple))
            if data__inputs_is_list:
                data__inputs_len = len(data__inputs)
                for data__inputs_x, data__inputs_item in enumerate(data__inputs):
                    validate_https___ccmflow_invalid_schemas_dispositions_schema_json___defs_input(data__inputs_item, custom_formats, (name_prefix or "data") + ".inputs[{data__inputs_x}]".format(**locals()))
        if data_keys:
            raise JsonSchemaValueException("" + (name_prefix or "data") + " must not contain "+str(data_keys)+" properties", value=data, name="" + (name_prefix or "data") + "", definition={'$schema': 'https://json-schema.org/draft/2020-12/schema', '$id': 'https://ccmflow.invalid/schemas/dispositions.schema.json', 'title': 'ccmflow disposition register', 'description': 'What became of every input of one window in the version it led to (written by ccmflow consolidate; the presidency edits the reasons).', 'type': 'object', 'additionalProperties': False, 'required': ['window', 'document', 'version', 'inputs'], 'properties': {'window': {'type': 'string', 'pattern': '^[a-z][a-z0-9]*(-[a-z0-9]+)*$', 'maxLength': 64}, 'document': {'type': 'string', 'pattern': '^[a-z][a-z0-9]*(-[a-z0-9]+)*$', 'maxLength': 64}, 'version': {'type': 'string', 'pattern': '^[a-z][a-z0-9]*(-[a-z0-9]+)*$', 'maxLength': 64}, 'inputs': {'type': 'array', 'items': {'type': 'object', 'additionalProperties': False, 'required': ['input', 'outcome', 'reason'], 'properties': {'input': {'type': 'string', 'pattern': '^[a-z0-9][a-z0-9-]*$', 'description': 'The input, e.g. pr-12.'}, 'title': {'type': 'string'}, 'stakeholder': {'type': 'string', 'description': 'The delegation or organisation it came from (stakeholders.yaml id).'}, 'joint': {'type': 'array', 'items': {'type': 'string'}, 'uniqueItems': True, 'description': 'The other delegations of a joint input (stakeholders.yaml ids).'}, 'outcome': {'enum': ['incorporated', 'partly-incorporated', 'not-retained', 'superseded', 'noted']}, 'reason': {'type': 'string', 'minLength': 1, 'pattern': '\\S', 'description': 'A short reason; the presidency may edit it.'}, 'paragraphs': {'type': 'array', 'items': {'type': 'string', 'pattern': '^[a-z0-9][a-z0-9-]{2,39}$'}, 'uniqueItems': True, 'description': 'Ids of the paragraphs the input led to in this version.'}, 'superseded_by': {'type': 'array', 'items': {'type': 'string', 'pattern': '^[a-z0-9][a-z0-9-]*$'}, 'uniqueItems': True}}}}}, '$defs': {'slug': {'type': 'string', 'pattern': '^[a-z][a-z0-9]*(-[a-z0-9]+)*$', 'maxLength': 64}, 'input': {'type': 'object', 'additionalProperties': False, 'required': ['input', 'outcome', 'reason'], 'properties': {'input': {'type': 'string', 'pattern': '^[a-z0-9][a-z0-9-]*$', 'description': 'The input, e.g. pr-12.'}, 'title': {'type': 'string'}, 'stakeholder': {'type': 'string', 'description': 'The delegation or organisation it came from (stakeholders.yaml id).'}, 'joint': {'type': 'array', 'items': {'type': 'string'}, 'uniqueItems': True, 'description': 'The other delegations of a joint input (stakeholders.yaml ids).'}, 'outcome': {'enum': ['incorporated', 'partly-incorporated', 'not-retained', 'superseded', 'noted']}, 'reason': {'type': 'string', 'minLength': 1, 'pattern': '\\S', 'description': 'A short reason; the presidency may edit it.'}, 'paragraphs': {'type': 'array', 'items': {'type': 'string', 'pattern': '^[a-z0-9][a-z0-9-]{2,39}$'}, 'uniqueItems': True, 'description': 'Ids of the paragraphs the input led to in this version.'}, 'superseded_by': {'type': 'array', 'items': {'type': 'string', 'pattern': '^[a-z0-9][a-z0-9-]*$'}, 'uniqueItems': True}}}}}, rule='additionalProperties')
    return data

def validate_https___ccmflow_invalid_schemas_dispositions_schema_json___defs_input(data, custom_formats={}, name_prefix=None):
    if not isinstance(data, (dict)):
        raise JsonSchemaValueException("" + (name_prefix or "data") + " must be object", value=data, name="" + (name_prefix or "data") + "", definition={'type': 'object', 'additionalProperties': False, 'required': ['input', 'outcome', 'reason'], 'properties': {'input': {'type': 'string', 'pattern': '^[a-z0-9][a-z0-9-]*$', 'description': 'The input, e.g. pr-12.'}, 'title': {'type': 'string'}, 'stakeholder': {'type': 'string', 'description': 'The delegation or organisation it came from (stakeholders.yaml id).'}, 'joint': {'type': 'array', 'items': {'type': 'string'}, 'uniqueItems': True, 'description': 'The other delegations of a joint input (stakeholders.yaml ids).'}, 'outcome': {'enum': ['incorporated', 'partly-incorporated', 'not-retained', 'superseded', 'noted']}, 'reason': {'type': 'string', 'minLength': 1, 'pattern': '\\S', 'description': 'A short reason; the presidency may edit it.'}, 'paragraphs': {'type': 'array', 'items': {'type': 'string', 'pattern': '^[a-z0-9][a-z0-9-]{2,39}$'}, 'uniqueItems': True, 'description': 'Ids of the paragraphs the input led to in this version.'}, 'superseded_by': {'type': 'array', 'items': {'type': 'string', 'pattern': '^[a-z0-9][a-z0-9-]*$'}, 'uniqueItems': True}}}, rule='type')
    data_is_dict = isinstance(data, dict)
    if data_is_dict:
        data__missing_keys = set(['input', 'outcome', 'reason']) - data.keys()
        if data__missing_keys:
            raise JsonSchemaValueException("" + (name_prefix or "data") + " must contain " + (str(sorted(data__missing_keys)) + " properties"), value=data, name="" + (name_prefix or "data") + "", definition={'type': 'object', 'additionalProperties': False, 'required': ['input', 'outcome', 'reason'], 'properties': {'input': {'type': 'string', 'pattern': '^[a-z0-9][a-z0-9-]*$', 'description': 'The input, e.g. pr-12.'}, 'title': {'type': 'string'}, 'stakeholder': {'type': 'string', 'description': 'The delegation or organisation it came from (stakeholders.yaml id).'}, 'joint': {'type': 'array', 'items': {'type': 'string'}, 'uniqueItems': True, 'description': 'The other delegations of a joint input (stakeholders.yaml ids).'}, 'outcome': {'enum': ['incorporated', 'partly-incorporated', 'not-retained', 'superseded', 'noted']}, 'reason': {'type': 'string', 'minLength': 1, 'pattern': '\\S', 'description': 'A short reason; the presidency may edit it.'}, 'paragraphs': {'type': 'array', 'items': {'type': 'string', 'pattern': '^[a-z0-9][a-z0-9-]{2,39}$'}, 'uniqueItems': True, 'description': 'Ids of the paragraphs the input led to in this version.'}, 'superseded_by': {'type': 'array', 'items': {'type': 'string', 'pattern': '^[a-z0-9][a-z0-9-]*$'}, 'uniqueItems': True}}}, rule='required')
        data_keys = set(data.keys())
        if "input" in data_keys:
            data_keys.remove("input")
            data__input = data["input"]
            if not isinstance(data__input, (str)):
                raise JsonSchemaValueException("" + (name_prefix or "data") + ".input must be string", value=data__input, name="" + (name_prefix or "data") + ".input", definition={'type': 'string', 'pattern': '^[a-z0-9][a-z0-9-]*$', 'description': 'The input, e.g. pr-12.'}, rule='type')
            if isinstance(data__input, str):
                if not REGEX_PATTERNS['^[a-z0-9][a-z0-9-]*$'].search(data__input):
                    raise JsonSchemaValueException("" + (name_prefix or "data") + ".input must match pattern ^[a-z0-9][a-z0-9-]*$", value=data__input, name="" + (name_prefix or "data") + ".input", definition={'type': 'string', 'pattern': '^[a-z0-9][a-z0-9-]*$', 'description': 'The input, e.g. pr-12.'}, rule='pattern')
        if "title" in data_keys:
            data_keys.remove("title")
            data__title = data["title"]
            if not isinstance(data__title, (str)):
                raise JsonSchemaValueException("" + (name_prefix or "data") + ".title must be string", value=data__title, name="" + (name_prefix or "data") + ".title", definition={'type': 'string'}, rule='type')
        if "stakeholder" in data_keys:
            data_keys.remove("stakeholder")
            data__stakeholder = data["stakeholder"]
            if not isinstance(data__stakeholder, (str)):
                raise JsonSchemaValueException("" + (name_prefix or "data") + ".stakeholder must be string", value=data__stakeholder, name="" + (name_prefix or "data") + ".stakeholder", definition={'type': 'string', 'description': 'The delegation or organisation it came from (stakeholders.yaml id).'}, rule='type')
        if "joint" in data_keys:
            data_keys.remove("joint")
            data__joint = data["joint"]
            if not isinstance(data__joint, (list, tuple)):
                raise JsonSchemaValueException("" + (name_prefix or "data") + ".joint must be array", value=data__joint, name="" + (name_prefix or "data") + ".joint", definition={'type': 'array', 'items': {'type': 'string'}, 'uniqueItems': True, 'description': 'The other delegations of a joint input (stakeholders.yaml ids).'}, rule='type')
            data__joint_is_list = isinstance(data__joint, (list, tuple))
            if data__joint_is_list:
                def fn(var): return frozenset(dict((k, fn(v)) for k, v in var.items()).items()) if hasattr(var, "items") else tuple(fn(v) for v in var) if isinstance(var, (dict, list)) else (bool, var) if isinstance(var, bool) else var
                data__joint_len = len(data__joint)
                if data__joint_len > len(set(fn(data__joint_x) for data__joint_x in data__joint)):
                    raise JsonSchemaValueException("" + (name_prefix or "data") + ".joint must contain unique items", value=data__joint, name="" + (name_prefix or "data") + ".joint", definition={'type': 'array', 'items': {'type': 'string'}, 'uniqueItems': True, 'description': 'The other delegations of a joint input (stakeholders.yaml ids).'}, rule='uniqueItems')
                for data__joint_x, data__joint_item in enumerate(data__joint):
                    if not isinstance(data__joint_item, (str)):
                        raise JsonSchemaValueException("" + (name_prefix or "data") + ".joint[{data__joint_x}]".format(**locals()) + " must be string", value=data__joint_item, name="" + (name_prefix or "data") + ".joint[{data__joint_x}]".format(**locals()) + "", definition={'type': 'string'}, rule='type')
        if "outcome" in data_keys:
            data_keys.remove("outcome")
            data__outcome = data["outcome"]
            if not (isinstance(data__outcome, str) and data__outcome == 'incorporated' or isinstance(data__outcome, str) and data__outcome == 'partly-incorporated' or isinstance(data__outcome, str) and data__outcome == 'not-retained' or isinstance(data__outcome, str) and data__outcome == 'superseded' or isinstance(data__outcome, str) and data__outcome == 'noted'):
                raise JsonSchemaValueException("" + (name_prefix or "data") + ".outcome must be one of ['incorporated', 'partly-incorporated', 'not-retained', 'superseded', 'noted']", value=data__outcome, name="" + (name_prefix or "data") + ".outcome", definition={'enum': ['incorporated', 'partly-incorporated', 'not-retained', 'superseded', 'noted']}, rule='enum')
        if "reason" in data_keys:
            data_keys.remove("reason")
            data__reason = data["reason"]
            if not isinstance(data__reason, (str)):
                raise JsonSchemaValueException("" + (name_prefix or "data") + ".reason must be string", value=data__reason, name="" + (name_prefix or "data") + ".reason", definition={'type': 'string', 'minLength': 1, 'pattern': '\\S', 'description': 'A short reason; the presidency may edit it.'}, rule='type')
            if isinstance(data__reason, str):
                data__reason_len = len(data__reason)
                if data__reason_len < 1:
                    raise JsonSchemaValueException("" + (name_prefix or "data") + ".reason must be longer than or equal to 1 characters", value=data__reason, name="" + (name_prefix or "data") + ".reason", definition={'type': 'string', 'minLength': 1, 'pattern': '\\S', 'description': 'A short reason; the presidency may edit it.'}, rule='minLength')
                if not REGEX_PATTERNS['\\S'].search(data__reason):
                    raise JsonSchemaValueException("" + (name_prefix or "data") + ".reason must match pattern \\S", value=data__reason, name="" + (name_prefix or "data") + ".reason", definition={'type': 'string', 'minLength': 1, 'pattern': '\\S', 'description': 'A short reason; the presidency may edit it.'}, rule='pattern')
        if "paragraphs" in data_keys:
            data_keys.remove("paragraphs")
            data__paragraphs = data["paragraphs"]
            if not isinstance(data__paragraphs, (list, tuple)):
                raise JsonSchemaValueException("" + (name_prefix or "data") + ".paragraphs must be array", value=data__paragraphs, name="" + (name_prefix or "data") + ".paragraphs", definition={'type': 'array', 'items': {'type': 'string', 'pattern': '^[a-z0-9][a-z0-9-]{2,39}$'}, 'uniqueItems': True, 'description': 'Ids of the paragraphs the input led to in this version.'}, rule='type')
            data__paragraphs_is_list = isinstance(data__paragraphs, (list, tuple))
            if data__paragraphs_is_list:
                def fn(var): return frozenset(dict((k, fn(v)) for k, v in var.items()).items()) if hasattr(var, "items") else tuple(fn(v) for v in var) if isinstance(var, (dict, list)) else (bool, var) if isinstance(var, bool) else var
                data__paragraphs_len = len(data__paragraphs)
                if data__paragraphs_len > len(set(fn(data__paragraphs_x) for data__paragraphs_x in data__paragraphs)):
                    raise JsonSchemaValueException("" + (name_prefix or "data") + ".paragraphs must contain unique items", value=data__paragraphs, name="" + (name_prefix or "data") + ".paragraphs", definition={'type': 'array', 'items': {'type': 'string', 'pattern': '^[a-z0-9][a-z0-9-]{2,39}$'}, 'uniqueItems': True, 'description': 'Ids of the paragraphs the input led to in this version.'}, rule='uniqueItems')
                for data__paragraphs_x, data__paragraphs_item in enumerate(data__paragraphs):
                    if not isinstance(data__paragraphs_item, (str)):
                        raise JsonSchemaValueException("" + (name_prefix or "data") + ".paragraphs[{data__paragraphs_x}]".format(**locals()) + " must be string", value=data__paragraphs_item, name="" + (name_prefix or "data") + ".paragraphs[{data__paragraphs_x}]".format(**locals()) + "", definition={'type': 'string', 'pattern': '^[a-z0-9][a-z0-9-]{2,39}$'}, rule='type')
                    if isinstance(data__paragraphs_item, str):
                        if not REGEX_PATTERNS['^[a-z0-9][a-z0-9-]{2,39}$'].search(data__paragraphs_item):
                            raise JsonSchemaValueException("" + (name_prefix or "data") + ".paragraphs[{data__paragraphs_x}]".format(**locals()) + " must match pattern ^[a-z0-9][a-z0-9-]{2,39}$", value=data__paragraphs_item, name="" + (name_prefix or "data") + ".paragraphs[{data__paragraphs_x}]".format(**locals()) + "", definition={'type': 'string', 'pattern': '^[a-z0-9][a-z0-9-]{2,39}$'}, rule='pattern')
        if "superseded_by" in data_keys:
            data_keys.remove("superseded_by")
            data__supersededby = data["superseded_by"]
            if not isinstance(data__supersededby, (list, tuple)):
                raise JsonSchemaValueException("" + (name_prefix or "data") + ".superseded_by must be array", value=data__supersededby, name="" + (name_prefix or "data") + ".superseded_by", definition={'type': 'array', 'items': {'type': 'string', 'pattern': '^[a-z0-9][a-z0-9-]*$'}, 'uniqueItems': True}, rule='type')
            data__supersededby_is_list = isinstance(data__supersededby, (list, tuple))
            if data__supersededby_is_list:
                def fn(var): return frozenset(dict((k, fn(v)) for k, v in var.items()).items()) if hasattr(var, "items") else tuple(fn(v) for v in var) if isinstance(var, (dict, list)) else (bool, var) if isinstance(var, bool) else var
                data__supersededby_len = len(data__supersededby)
                if data__supersededby_len > len(set(fn(data__supersededby_x) for data__supersededby_x in data__supersededby)):
                    raise JsonSchemaValueException("" + (name_prefix or "data") + ".superseded_by must contain unique items", value=data__supersededby, name="" + (name_prefix or "data") + ".superseded_by", definition={'type': 'array', 'items': {'type': 'string', 'pattern': '^[a-z0-9][a-z0-9-]*$'}, 'uniqueItems': True}, rule='uniqueItems')
                for data__supersededby_x, data__supersededby_item in enumerate(data__supersededby):
                    if not isinstance(data__supersededby_item, (str)):
                        raise JsonSchemaValueException("" + (name_prefix or "data") + ".superseded_by[{data__supersededby_x}]".format(**locals()) + " must be string", value=data__supersededby_item, name="" + (name_prefix or "data") + ".superseded_by[{data__supersededby_x}]".format(**locals()) + "", definition={'type': 'string', 'pattern': '^[a-z0-9][a-z0-9-]*$'}, rule='type')
                    if isinstance(data__supersededby_item, str):
                        if not REGEX_PATTERNS['^[a-z0-9][a-z0-9-]*$'].search(data__supersededby_item):
                            raise JsonSchemaValueException("" + (name_prefix or "data") + ".superseded_by[{data__supersededby_x}]".format(**locals()) + " must match pattern ^[a-z0-9][a-z0-9-]*$", value=data__supersededby_item, name="" + (name_prefix or "data") + ".superseded_by[{data__supersededby_x}]".format(**locals()) + "", definition={'type': 'string', 'pattern': '^[a-z0-9][a-z0-9-]*$'}, rule='pattern')
        if data_keys:
            raise JsonSchemaValueException("" + (name_prefix or "data") + " must not contain "+str(data_keys)+" properties", value=data, name="" + (name_prefix or "data") + "", definition={'type': 'object', 'additionalProperties': False, 'required': ['input', 'outcome', 'reason'], 'properties': {'input': {'type': 'string', 'pattern': '^[a-z0-9][a-z0-9-]*$', 'description': 'The input, e.g. pr-12.'}, 'title': {'type': 'string'}, 'stakeholder': {'type': 'string', 'description': 'The delegation or organisation it came from (stakeholders.yaml id).'}, 'joint': {'type': 'array', 'items': {'type': 'string'}, 'uniqueItems': True, 'description': 'The other delegations of a joint input (stakeholders.yaml ids).'}, 'outcome': {'enum': ['incorporated', 'partly-incorporated', 'not-retained', 'superseded', 'noted']}, 'reason': {'type': 'string', 'minLength': 1, 'pattern': '\\S', 'description': 'A short reason; the presidency may edit it.'}, 'paragraphs': {'type': 'array', 'items': {'type': 'string', 'pattern': '^[a-z0-9][a-z0-9-]{2,39}$'}, 'uniqueItems': True, 'description': 'Ids of the paragraphs the input led to in this version.'}, 'superseded_by': {'type': 'array', 'items': {'type': 'string', 'pattern': '^[a-z0-9][a-z0-9-]*$'}, 'uniqueItems': True}}}, rule='additionalProperties')
    return data

def validate_https___ccmflow_invalid_schemas_dispositions_schema_json___defs_slug(data, custom_formats={}, name_prefix=None):
    if not isinstance(data, (str)):
        raise JsonSchemaValueException("" + (name_prefix or "data") + " must be string", value=data, name="" + (name_prefix or "data") + "", definition={'type': 'string', 'pattern': '^[a-z][a-z0-9]*(-[a-z0-9]+)*$', 'maxLength': 64}, rule='type')
    if isinstance(data, str):
        data_len = len(data)
        if data_len > 64:
            raise JsonSchemaValueException("" + (name_prefix or "data") + " must be shorter than or equal to 64 characters", value=data, name="" + (name_prefix or "data") + "", definition={'type': 'string', 'pattern': '^[a-z][a-z0-9]*(-[a-z0-9]+)*$', 'maxLength': 64}, rule='maxLength')
        if not REGEX_PATTERNS['^[a-z][a-z0-9]*(-[a-z0-9]+)*$'].search(data):
            raise JsonSchemaValueException("" + (name_prefix or "data") + " must match pattern ^[a-z][a-z0-9]*(-[a-z0-9]+)*$", value=data, name="" + (name_prefix or "data") + "", definition={'type': 'string', 'pattern': '^[a-z][a-z0-9]*(-[a-z0-9]+)*$', 'maxLength': 64}, rule='pattern')
    return data


validate = validate_https___ccmflow_invalid_schemas_dispositions_schema_json
DEFINITIONS = {
    "input": validate_https___ccmflow_invalid_schemas_dispositions_schema_json___defs_input,
    "slug": validate_https___ccmflow_invalid_schemas_dispositions_schema_json___defs_slug,
}
