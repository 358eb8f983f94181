# Generated from ccmflow/schemas/dispositions.schema.json by `python -m ccmflow.read.schemagen` (fastjsonschema 2.22.3): do not edit.
# ruff: noqa
# mypy: ignore-errors
SCHEMA_SHA256 = "cd1827caa75ec9bf5e0bb3985079f2f3d431b022ee88ba35e747057efedda6ed"
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
