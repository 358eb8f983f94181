# Generated from ccmflow/schemas/process.schema.json by `python -m ccmflow.read.schemagen` (fastjsonschema 2.22.3): do not edit.
# ruff: noqa
# mypy: ignore-errors
SCHEMA_SHA256 = "6c21a860f1d4b390170d71a12f6d72b27195ac747e8784f311f2f9abc1e6fba6"
VERSION = "2.22.3"
from decimal import Decimal
import re
from ccmflow.read.validators import JsonSchemaValueException, JsonSchemaValuesException


REGEX_PATTERNS = {
    '^[A-Za-z_]+(/[A-Za-z0-9_+-]+)*$': re.compile('^[A-Za-z_]+(/[A-Za-z0-9_+-]+)*\\Z'),
    '^([01][0-9]|2[0-3]):[0-5][0-9](:[0-5][0-9])?$': re.compile('^([01][0-9]|2[0-3]):[0-5][0-9](:[0-5][0-9])?\\Z'),
    '^[0-9]{4}-[0-9]{2}$': re.compile('^[0-9]{4}-[0-9]{2}\\Z'),
    '^[0-9]{4}-[0-9]{2}-[0-9]{2}[T ][0-9]{2}:[0-9]{2}(:[0-9]{2})?$': re.compile('^[0-9]{4}-[0-9]{2}-[0-9]{2}[T ][0-9]{2}:[0-9]{2}(:[0-9]{2})?\\Z'),
    '^[a-z][a-z0-9]*(-[a-z0-9]+)*$': re.compile('^[a-z][a-z0-9]*(-[a-z0-9]+)*\\Z'),
    '^[0-9]{4}-[0-9]{2}-[0-9]{2}$': re.compile('^[0-9]{4}-[0-9]{2}-[0-9]{2}\\Z')
}

NoneType = type(None)

def validate_https___ccmflow_invalid_schemas_process_schema_json(data, custom_formats={}, name_prefix=None):
    if not isinstance(data, (dict)):
        raise JsonSchemaValueException("" + (name_prefix or "data") + " must be object", value=data, name="" + (name_prefix or "data") + "", definition={'$schema': 'https://json-schema.org/draft/2020-12/schema', '$id': 'https://ccmflow.invalid/schemas/process.schema.json', 'title': 'ccmflow process timeline', 'type': 'object', 'additionalProperties': False, 'required': ['conference', 'deadline_time', 'document_order', 'versions', 'windows', 'milestones'], 'properties': {'conference': {'type': 'object', 'additionalProperties': False, 'required': ['name', 'venue', 'start', 'end', 'timezone'], 'properties': {'name': {'type': 'string', 'minLength': 1}, 'short_name': {'type': 'string', 'minLength': 1}, 'venue': {'type': 'string', 'minLength': 1}, 'start': {'type': 'string', 'pattern': '^[0-9]{4}-[0-9]{2}-[0-9]{2}$'}, 'end': {'type': 'string', 'pattern': '^[0-9]{4}-[0-9]{2}-[0-9]{2}$'}, 'timezone': {'type': 'string', 'pattern': '^[A-Za-z_]+(/[A-Za-z0-9_+-]+)*$', 'description': 'IANA time zone of the conference, e.g. Europe/Zurich.'}}}, 'deadline_time': {'type': 'string', 'pattern': '^([01][0-9]|2[0-3]):[0-5][0-9](:[0-5][0-9])?$', 'description': 'Time of day, conference time, at which a deadline given as a bare date closes.'}, 'late_policy': {'enum': ['flag', 'close'], 'default': 'flag'}, 'document_order': {'type': 'array', 'minItems': 1, 'uniqueItems': True, 'items': {'type': 'string', 'pattern': '^[a-z][a-z0-9]*(-[a-z0-9]+)*$', 'maxLength': 64}, 'description': 'Which document informs which: each informs the next.'}, 'versions': {'type': 'array', 'minItems': 1, 'items': {'type': 'object', 'additionalProperties': False, 'required': ['id', 'name'], 'properties': {'id': {'type': 'string', 'pattern': '^[a-z][a-z0-9]*(-[a-z0-9]+)*$', 'maxLength': 64}, 'name': {'type': 'string', 'minLength': 1}}}}, 'windows': {'type': 'array', 'items': {'type': 'object', 'additionalProperties': False, 'required': ['id', 'document', 'title', 'closes'], 'properties': {'id': {'$ref': 'https://ccmflow.invalid/schemas/process.schema.json#/$defs/slug'}, 'document': {'$ref': 'https://ccmflow.invalid/schemas/process.schema.json#/$defs/slug'}, 'version': {'$ref': 'https://ccmflow.invalid/schemas/process.schema.json#/$defs/slug', 'description': 'The version of the document the input is on.'}, 'title': {'type': 'string', 'minLength': 1}, 'opens': {'$ref': 'https://ccmflow.invalid/schemas/process.schema.json#/$defs/instant'}, 'closes': {'$ref': 'https://ccmflow.invalid/schemas/process.schema.json#/$defs/instant'}, 'late_policy': {'enum': ['flag', 'close']}}}}, 'milestones': {'type': 'array', 'items': {'type': 'object', 'additionalProperties': False, 'required': ['id', 'title', 'kind'], 'properties': {'id': {'$ref': 'https://ccmflow.invalid/schemas/process.schema.json#/$defs/slug'}, 'title': {'type': 'string', 'minLength': 1}, 'kind': {'enum': ['circulation', 'meeting', 'conference', 'deadline', 'other']}, 'document': {'$ref': 'https://ccmflow.invalid/schemas/process.schema.json#/$defs/slug'}, 'date': {'$ref': 'https://ccmflow.invalid/schemas/process.schema.json#/$defs/date'}, 'end': {'$ref': 'https://ccmflow.invalid/schemas/process.schema.json#/$defs/date'}, 'approximate': {'$ref': 'https://ccmflow.invalid/schemas/process.schema.json#/$defs/approximate'}}, 'oneOf': [{'required': ['date'], 'not': {'required': ['approximate']}}, {'required': ['approximate'], 'not': {'anyOf': [{'required': ['date']}, {'required': ['end']}]}}]}}, 'sections': {'type': 'array', 'uniqueItems': True, 'description': "The section ids documents may use (e.g. the Dubrovnik Action Plan's structure); a section id not listed here is an error, which catches misspellings.", 'items': {'type': 'object', 'additionalProperties': False, 'required': ['id', 'title'], 'properties': {'id': {'type': 'string', 'pattern': '^[a-z][a-z0-9]*(-[a-z0-9]+)*$', 'maxLength': 64}, 'title': {'type': 'string', 'minLength': 1}}}}}, '$defs': {'slug': {'type': 'string', 'pattern': '^[a-z][a-z0-9]*(-[a-z0-9]+)*$', 'maxLength': 64}, 'date': {'type': 'string', 'pattern': '^[0-9]{4}-[0-9]{2}-[0-9]{2}$'}, 'instant': {'description': "A date (closes at deadline_time, conference time), a local date-time (conference time) or 'to be announced'.", 'oneOf': [{'type': 'string', 'pattern': '^[0-9]{4}-[0-9]{2}-[0-9]{2}$'}, {'type': 'string', 'pattern': '^[0-9]{4}-[0-9]{2}-[0-9]{2}[T ][0-9]{2}:[0-9]{2}(:[0-9]{2})?$'}, {'const': 'to be announced'}]}, 'approximate': {'type': 'object', 'additionalProperties': False, 'required': ['month', 'part'], 'properties': {'month': {'type': 'string', 'pattern': '^[0-9]{4}-[0-9]{2}$'}, 'part': {'enum': ['early', 'mid', 'late']}}}, 'window': {'type': 'object', 'additionalProperties': False, 'required': ['id', 'document', 'title', 'closes'], 'properties': {'id': {'type': 'string', 'pattern': '^[a-z][a-z0-9]*(-[a-z0-9]+)*$', 'maxLength': 64}, 'document': {'type': 'string', 'pattern': '^[a-z][a-z0-9]*(-[a-z0-9]+)*$', 'maxLength': 64}, 'version': {'type': 'string', 'pattern': '^[a-z][a-z0-9]*(-[a-z0-9]+)*$', 'maxLength': 64}, 'title': {'type': 'string', 'minLength': 1}, 'opens': {'description': "A date (closes at deadline_time, conference time), a local date-time (conference time) or 'to be announced'.", 'oneOf': [{'$ref': '#/$defs/date'}, {'type': 'string', 'pattern': '^[0-9]{4}-[0-9]{2}-[0-9]{2}[T ][0-9]{2}:[0-9]{2}(:[0-9]{2})?$'}, {'const': 'to be announced'}]}, 'closes': {'description': "A date (closes at deadline_time, conference time), a local date-time (conference time) or 'to be announced'.", 'oneOf': [{'$ref': '#/$defs/date'}, {'type': 'string', 'pattern': '^[0-9]{4}-[0-9]{2}-[0-9]{2}[T ][0-9]{2}:[0-9]{2}(:[0-9]{2})?$'}, {'const': 'to be announced'}]}, 'late_policy': {'enum': ['flag', 'close']}}}, 'milestone': {'type': 'object', 'additionalProperties': False, 'required': ['id', 'title', 'kind'], 'properties': {'id': {'type': 'string', 'pattern': '^[a-z][a-z0-9]*(-[a-z0-9]+)*$', 'maxLength': 64}, 'title': {'type': 'string', 'minLength': 1}, 'kind': {'enum': ['circulation', 'meeting', 'conference', 'deadline', 'other']}, 'document': {'type': 'string', 'pattern': '^[a-z][a-z0-9]*(-[a-z0-9]+)*$', 'maxLength': 64}, 'date': {'type': 'string', 'pattern': '^[0-9]{4}-[0-9]{2}-[0-9]{2}$'}, 'end': {'type': 'string', 'pattern': '^[0-9]{4}-[0-9]{2}-[0-9]{2}$'}, 'approximate': {'type': 'object', 'additionalProperties': False, 'required': ['month', 'part'], 'properties': {'month': {'type': 'string', 'pattern': '^[0-9]{4}-[0-9]{2}$'}, 'part': {'enum': ['early', 'mid', 'late']}}}}, 'oneOf': [{'required': ['date'], 'not': {'required': ['approximate']}}, {'required': ['approximate'], 'not': {'anyOf': [{'required': ['date']}, {'required': ['end']}]}}]}}}, rule='type')
    data_is_dict = isinstance(data, dict)
    if data_is_dict:
        data__missing_keys = set(['conference', 'deadline_time', 'document_order', 'versions', 'windows', 'milestones']) - data.keys()
        if data__missing_keys:
            raise JsonSchemaValueException("" + (name_prefix or "data") + " must contain " + (str(sorted(data__missing_keys)) + " properties"), value=data, name="" + (name_prefix or "data") + "", definition={'$schema': 'https://json-schema.org/draft/2020-12/schema', '$id': 'https://ccmflow.invalid/schemas/process.schema.json', 'title': 'ccmflow process timeline', 'type': 'object', 'additionalProperties': False, 'required': ['conference', 'deadline_time', 'document_order', 'versions', 'windows', 'milestones'], 'properties': {'conference': {'type': 'object', 'additionalProperties': False, 'required': ['name', 'venue', 'start', 'end', 'timezone'], 'properties': {'name': {'type': 'string', 'minLength': 1}, 'short_name': {'type': 'string', 'minLength': 1}, 'venue': {'type': 'string', 'minLength': 1}, 'start': {'type': 'string', 'pattern': '^[0-9]{4}-[0-9]{2}-[0-9]{2}$'}, 'end': {'type': 'string', 'pattern': '^[0-9]{4}-[0-9]{2}-[0-9]{2}$'}, 'timezone': {'type': 'string', 'pattern': '^[A-Za-z_]+(/[A-Za-z0-9_+-]+)*$', 'description': 'IANA time zone of the conference, e.g. Europe/Zurich.'}}}, 'deadline_time': {'type': 'string', 'pattern': '^([01][0-9]|2[0-3]):[0-5][0-9](:[0-5][0-9])?$', 'description': 'Time of day, conference time, at which a deadline given as a bare date closes.'}, 'late_policy': {'enum': ['flag', 'close'], 'default': 'flag'}, 'document_order': {'type': 'array', 'minItems': 1, 'uniqueItems': True, 'items': {'type': 'string', 'pattern': '^[a-z][a-z0-9]*(-[a-z0-9]+)*$', 'maxLength': 64}, 'description': 'Which document informs which: each informs the next.'}, 'versions': {'type': 'array', 'minItems': 1, 'items': {'type': 'object', 'additionalProperties': False, 'required': ['id', 'name'], 'properties': {'id': {'type': 'string', 'pattern': '^[a-z][a-z0-9]*(-[a-z0-9]+)*$', 'maxLength': 64}, 'name': {'type': 'string', 'minLength': 1}}}}, 'windows': {'type': 'array', 'items': {'type': 'object', 'additionalProperties': False, 'required': ['id', 'document', 'title', 'closes'], 'properties': {'id': {'$ref': 'https://ccmflow.invalid/schemas/process.schema.json#/$defs/slug'}, 'document': {'$ref': 'https://ccmflow.invalid/schemas/process.schema.json#/$defs/slug'}, 'version': {'$ref': 'https://ccmflow.invalid/schemas/process.schema.json#/$defs/slug', 'description': 'The version of the document the input is on.'}, 'title': {'type': 'string', 'minLength': 1}, 'opens': {'$ref': 'https://ccmflow.invalid/schemas/process.schema.json#/$defs/instant'}, 'closes': {'$ref': 'https://ccmflow.invalid/schemas/process.schema.json#/$defs/instant'}, 'late_policy': {'enum': ['flag', 'close']}}}}, 'milestones': {'type': 'array', 'items': {'type': 'object', 'additionalProperties': False, 'required': ['id', 'title', 'kind'], 'properties': {'id': {'$ref': 'https://ccmflow.invalid/schemas/process.schema.json#/$defs/slug'}, 'title': {'type': 'string', 'minLength': 1}, 'kind': {'enum': ['circulation', 'meeting', 'conference', 'deadline', 'other']}, 'document': {'$ref': 'https://ccmflow.invalid/schemas/process.schema.json#/$defs/slug'}, 'date': {'$ref': 'https://ccmflow.invalid/schemas/process.schema.json#/$defs/date'}, 'end': {'$ref': 'https://ccmflow.invalid/schemas/process.schema.json#/$defs/date'}, 'approximate': {'$ref': 'https://ccmflow.invalid/schemas/process.schema.json#/$defs/approximate'}}, 'oneOf': [{'required': ['date'], 'not': {'required': ['approximate']}}, {'required': ['approximate'], 'not': {'anyOf': [{'required': ['date']}, {'required': ['end']}]}}]}}, 'sections': {'type': 'array', 'uniqueItems': True, 'description': "The section ids documents may use (e.g. the Dubrovnik Action Plan's structure); a section id not listed here is an error, which catches misspellings.", 'items': {'type': 'object', 'additionalProperties': False, 'required': ['id', 'title'], 'properties': {'id': {'type': 'string', 'pattern': '^[a-z][a-z0-9]*(-[a-z0-9]+)*$', 'maxLength': 64}, 'title': {'type': 'string', 'minLength': 1}}}}}, '$defs': {'slug': {'type': 'string', 'pattern': '^[a-z][a-z0-9]*(-[a-z0-9]+)*$', 'maxLength': 64}, 'date': {'type': 'string', 'pattern': '^[0-9]{4}-[0-9]{2}-[0-9]{2}$'}, 'instant': {'description': "A date (closes at deadline_time, conference time), a local date-time (conference time) or 'to be announced'.", 'oneOf': [{'type': 'string', 'pattern': '^[0-9]{4}-[0-9]{2}-[0-9]{2}$'}, {'type': 'string', 'pattern': '^[0-9]{4}-[0-9]{2}-[0-9]{2}[T ][0-9]{2}:[0-9]{2}(:[0-9]{2})?$'}, {'const': 'to be announced'}]}, 'approximate': {'type': 'object', 'additionalProperties': False, 'required': ['month', 'part'], 'properties': {'month': {'type': 'string', 'pattern': '^[0-9]{4}-[0-9]{2}$'}, 'part': {'enum': ['early', 'mid', 'late']}}}, 'window': {'type': 'object', 'additionalProperties': False, 'required': ['id', 'document', 'title', 'closes'], 'properties': {'id': {'type': 'string', 'pattern': '^[a-z][a-z0-9]*(-[a-z0-9]+)*$', 'maxLength': 64}, 'document': {'type': 'string', 'pattern': '^[a-z][a-z0-9]*(-[a-z0-9]+)*$', 'maxLength': 64}, 'version': {'type': 'string', 'pattern': '^[a-z][a-z0-9]*(-[a-z0-9]+)*$', 'maxLength': 64}, 'title': {'type': 'string', 'minLength': 1}, 'opens': {'description': "A date (closes at deadline_time, conference time), a local date-time (conference time) or 'to be announced'.", 'oneOf': [{'$ref': '#/$defs/date'}, {'type': 'string', 'pattern': '^[0-9]{4}-[0-9]{2}-[0-9]{2}[T ][0-9]{2}:[0-9]{2}(:[0-9]{2})?$'}, {'const': 'to be announced'}]}, 'closes': {'description': "A date (closes at deadline_time, conference time), a local date-time (conference time) or 'to be announced'.", 'oneOf': [{'$ref': '#/$defs/date'}, {'type': 'string', 'pattern': '^[0-9]{4}-[0-9]{2}-[0-9]{2}[T ][0-9]{2}:[0-9]{2}(:[0-9]{2})?$'}, {'const': 'to be announced'}]}, 'late_policy': {'enum': ['flag', 'close']}}}, 'milestone': {'type': 'object', 'additionalProperties': False, 'required': ['id', 'title', 'kind'], 'properties': {'id': {'type': 'string', 'pattern': '^[a-z][a-z0-9]*(-[a-z0-9]+)*$', 'maxLength': 64}, 'title': {'type': 'string', 'minLength': 1}, 'kind': {'enum': ['circulation', 'meeting', 'conference', 'deadline', 'other']}, 'document': {'type': 'string', 'pattern': '^[a-z][a-z0-9]*(-[a-z0-9]+)*$', 'maxLength': 64}, 'date': {'type': 'string', 'pattern': '^[0-9]{4}-[0-9]{2}-[0-9]{2}$'}, 'end': {'type': 'string', 'pattern': '^[0-9]{4}-[0-9]{2}-[0-9]{2}$'}, 'approximate': {'type': 'object', 'additionalProperties': False, 'required': ['month', 'part'], 'properties': {'month': {'type': 'string', 'pattern': '^[0-9]{4}-[0-9]{2}$'}, 'part': {'enum': ['early', 'mid', 'late']}}}}, 'oneOf': [{'required': ['date'], 'not': {'required': ['approximate']}}, {'required': ['approximate'], 'not': {'anyOf': [{'required': ['date']}, {'required': ['end']}]}}]}}}, rule='required')
        data_keys = set(data.keys())
        if "conference" in data_keys:
            data_keys.remove("conference")
            data__conference = data["conference"]
            if not isinstance(data__conference, (dict)):
                raise JsonSchemaValueException("" + (name_prefix or "data") + ".conference must be object", value=data__conference, name="" + (name_prefix or "data") + ".conference", definition={'type': 'object', 'additionalProperties': False, 'required': ['name', 'venue', 'start', 'end', 'timezone'], 'properties': {'name': {'type': 'string', 'minLength': 1}, 'short_name': {'type': 'string', 'minLength': 1}, 'venue': {'type': 'string', 'minLength': 1}, 'start': {'type': 'string', 'pattern': '^[0-9]{4}-[0-9]{2}-[0-9]{2}$'}, 'end': {'type': 'string', 'pattern': '^[0-9]{4}-[0-9]{2}-[0-9]{2}$'}, 'timezone': {'type': 'string', 'pattern': '^[A-Za-z_]+(/[A-Za-z0-9_+-]+)*$', 'description': 'IANA time zone of the conference, e.g. Europe/Zurich.'}}}, rule='type')
            data__conference_is_dict = isinstance(data__conference, dict)
            if data__conference_is_dict:
                data__conference__missing_keys = set(['name', 'venue', 'start', 'end', 'timezone']) - data__conference.keys()
                if data__conference__missing_keys:
                    raise JsonSchemaValueException("" + (name_prefix or "data") + ".conference must contain " + (str(sorted(data__conference__missing_keys)) + " properties"), value=data__conference, name="" + (name_prefix or "data") + ".conference", definition={'type': 'object', 'additionalProperties': False, 'required': ['name', 'venue', 'start', 'end', 'timezone'], 'properties': {'name': {'type': 'string', 'minLength': 1}, 'short_name': {'type': 'string', 'minLength': 1}, 'venue': {'type': 'string', 'minLength': 1}, 'start': {'type': 'string', 'pattern': '^[0-9]{4}-[0-9]{2}-[0-9]{2}$'}, 'end': {'type': 'string', 'pattern': '^[0-9]{4}-[0-9]{2}-[0-9]{2}$'}, 'timezone': {'type': 'string', 'pattern': '^[A-Za-z_]+(/[A-Za-z0-9_+-]+)*$', 'description': 'IANA time zone of the conference, e.g. Europe/Zurich.'}}}, rule='required')
                data__conference_keys = set(data__conference.keys())
                if "name" in data__conference_keys:
                    data__conference_keys.remove("name")
                    data__conference__name = data__conference["name"]
                    if not isinstance(data__conference__name, (str)):
                        raise JsonSchemaValueException("" + (name_prefix or "data") + ".conference.name must be string", value=data__conference__name, name="" + (name_prefix or "data") + ".conference.name", definition={'type': 'string', 'minLength': 1}, rule='type')
                    if isinstance(data__conference__name, str):
                        data__conference__name_len = len(data__conference__name)
                        if data__conference__name_len < 1:
                            raise JsonSchemaValueException("" + (name_prefix or "data") + ".conference.name must be longer than or equal to 1 characters", value=data__conference__name, name="" + (name_prefix or "data") + ".conference.name", definition={'type': 'string', 'minLength': 1}, rule='minLength')
                if "short_name" in data__conference_keys:
                    data__conference_keys.remove("short_name")
                    data__conference__shortname = data__conference["short_name"]
                    if not isinstance(data__conference__shortname, (str)):
                        raise JsonSchemaValueException("" + (name_prefix or "data") + ".conference.short_name must be string", value=data__conference__shortname, name="" + (name_prefix or "data") + ".conference.short_name", definition={'type': 'string', 'minLength': 1}, rule='type')
                    if isinstance(data__conference__shortname, str):
                        data__conference__shortname_len = len(data__conference__shortname)
                        if data__conference__shortname_len < 1:
                            raise JsonSchemaValueException("" + (name_prefix or "data") + ".conference.short_name must be longer than or equal to 1 characters", value=data__conference__shortname, name="" + (name_prefix or "data") + ".conference.short_name", definition={'type': 'string', 'minLength': 1}, rule='minLength')
                if "venue" in data__conference_keys:
                    data__conference_keys.remove("venue")
                    data__conference__venue = data__conference["venue"]
                    if not isinstance(data__conference__venue, (str)):
                        raise JsonSchemaValueException("" + (name_prefix or "data") + ".conference.venue must be string", value=data__conference__venue, name="" + (name_prefix or "data") + ".conference.venue", definition={'type': 'string', 'minLength': 1}, rule='type')
                    if isinstance(data__conference__venue, str):
                        data__conference__venue_len = len(data__conference__venue)
                        if data__conference__venue_len < 1:
                            raise JsonSchemaValueException("" + (name_prefix or "data") + ".conference.venue must be longer than or equal to 1 characters", value=data__conference__venue, name="" + (name_prefix or "data") + ".conference.venue", definition={'type': 'string', 'minLength': 1}, rule='minLength')
                if "start" in data__conference_keys:
                    data__conference_keys.remove("start")
                    data__conference__start = data__conference["start"]
                    validate_https___ccmflow_invalid_schemas_process_schema_json___defs_date(data__conference__start, custom_formats, (name_prefix or "data") + ".conference.start")
                if "end" in data__conference_keys:
                    data__conference_keys.remove("end")
                    data__conference__end = data__conference["end"]
                    validate_https___ccmflow_invalid_schemas_process_schema_json___defs_date(data__conference__end, custom_formats, (name_prefix or "data") + ".conference.end")
                if "timezone" in data__conference_keys:
                    data__conference_keys.remove("timezone")
                    data__conference__timezone = data__conference["timezone"]
                    if not isinstance(data__conference__timezone, (str)):
                        raise JsonSchemaValueException("" + (name_prefix or "data") + ".conference.timezone must be string", value=data__conference__timezone, name="" + (name_prefix or "data") + ".conference.timezone", definition={'type': 'string', 'pattern': '^[A-Za-z_]+(/[A-Za-z0-9_+-]+)*$', 'description': 'IANA time zone of the conference, e.g. Europe/Zurich.'}, rule='type')
                    if isinstance(data__conference__timezone, str):
                        if not REGEX_PATTERNS['^[A-Za-z_]+(/[A-Za-z0-9_+-]+)*$'].search(data__conference__timezone):
                            raise JsonSchemaValueException("" + (name_prefix or "data") + ".conference.timezone must match pattern ^[A-Za-z_]+(/[A-Za-z0-9_+-]+)*$", value=data__conference__timezone, name="" + (name_prefix or "data") + ".conference.timezone", definition={'type': 'string', 'pattern': '^[A-Za-z_]+(/[A-Za-z0-9_+-]+)*$', 'description': 'IANA time zone of the conference, e.g. Europe/Zurich.'}, rule='pattern')
                if data__conference_keys:
                    raise JsonSchemaValueException("" + (name_prefix or "data") + ".conference must not contain "+str(data__conference_keys)+" properties", value=data__conference, name="" + (name_prefix or "data") + ".conference", definition={'type': 'object', 'additionalProperties': False, 'required': ['name', 'venue', 'start', 'end', 'timezone'], 'properties': {'name': {'type': 'string', 'minLength': 1}, 'short_name': {'type': 'string', 'minLength': 1}, 'venue': {'type': 'string', 'minLength': 1}, 'start': {'type': 'string', 'pattern': '^[0-9]{4}-[0-9]{2}-[0-9]{2}$'}, 'end': {'type': 'string', 'pattern': '^[0-9]{4}-[0-9]{2}-[0-9]{2}$'}, 'timezone': {'type': 'string', 'pattern': '^[A-Za-z_]+(/[A-Za-z0-9_+-]+)*$', 'description': 'IANA time zone of the conference, e.g. Europe/Zurich.'}}}, rule='additionalProperties')
        if "deadline_time" in data_keys:
            data_keys.remove("deadline_time")
            data__deadlinetime = data["deadline_time"]
            if not isinstance(data__deadlinetime, (str)):
                raise JsonSchemaValueException("" + (name_prefix or "data") + ".deadline_time must be string", value=data__deadlinetime, name="" + (name_prefix or "data") + ".deadline_time", definition={'type': 'string', 'pattern': '^([01][0-9]|2[0-3]):[0-5][0-9](:[0-5][0-9])?$', 'description': 'Time of day, conference time, at which a deadline given as a bare date closes.'}, rule='type')
            if isinstance(data__deadlinetime, str):
                if not REGEX_PATTERNS['^([01][0-9]|2[0-3]):[0-5][0-9](:[0-5][0-9])?$'].search(data__deadlinetime):
                    raise JsonSchemaValueException("" + (name_prefix or "data") + ".deadline_time must match pattern ^([01][0-9]|2[0-3]):[0-5][0-9](:[0-5][0-9])?$", value=data__deadlinetime, name="" + (name_prefix or "data") + ".deadline_time", definition={'type': 'string', 'pattern': '^([01][0-9]|2[0-3]):[0-5][0-9](:[0-5][0-9])?$', 'description': 'Time of day, conference time, at which a deadline given as a bare date closes.'}, rule='pattern')
        if "late_policy" in data_keys:
            data_keys.remove("late_policy")
            data__latepolicy = data["late_policy"]
            if not (isinstance(data__latepolicy, str) and data__latepolicy == 'flag' or isinstance(data__latepolicy, str) and data__latepolicy == 'close'):
                raise JsonSchemaValueException("" + (name_prefix or "data") + ".late_policy must be one of ['flag', 'close']", value=data__latepolicy, name="" + (name_prefix or "data") + ".late_policy", definition={'enum': ['flag', 'close'], 'default': 'flag'}, rule='enum')
        else: data["late_policy"] = 'flag'
        if "document_order" in data_keys:
            data_keys.remove("document_order")
            data__documentorder = data["document_order"]
            if not isinstance(data__documentorder, (list, tuple)):
                raise JsonSchemaValueException("" + (name_prefix or "data") + ".document_order must be array", value=data__documentorder, name="" + (name_prefix or "data") + ".document_order", definition={'type': 'array', 'minItems': 1, 'uniqueItems': True, 'items': {'type': 'string', 'pattern': '^[a-z][a-z0-9]*(-[a-z0-9]+)*$', 'maxLength': 64}, 'description': 'Which document informs which: each informs the next.'}, rule='type')
            data__documentorder_is_list = isinstance(data__documentorder, (list, tuple))
            if data__documentorder_is_list:
                data__documentorder_len = len(data__documentorder)
                if data__documentorder_len < 1:
                    raise JsonSchemaValueException("" + (name_prefix or "data") + ".document_order must contain at least 1 items", value=data__documentorder, name="" + (name_prefix or "data") + ".document_order", definition={'type': 'array', 'minItems': 1, 'uniqueItems': True, 'items': {'type': 'string', 'pattern': '^[a-z][a-z0-9]*(-[a-z0-9]+)*$', 'maxLength': 64}, 'description': 'Which document informs which: each informs the next.'}, rule='minItems')
                def fn(var): return frozenset(dict((k, fn(v)) for k, v in var.items()).items()) if hasattr(var, "items") else tuple(fn(v) for v in var) if isinstance(var, (dict, list)) else (bool, var) if isinstance(var, bool) else var
                if data__documentorder_len > len(set(fn(data__documentorder_x) for data__documentorder_x in data__documentorder)):
                    raise JsonSchemaValueException("" + (name_prefix or "data") + ".document_order must contain unique items", value=data__documentorder, name="" + (name_prefix or "data") + ".document_order", definition={'type': 'array', 'minItems': 1, 'uniqueItems': True, 'items': {'type': 'string', 'pattern': '^[a-z][a-z0-9]*(-[a-z0-9]+)*$', 'maxLength': 64}, 'description': 'Which document informs which: each informs the next.'}, rule='uniqueItems')
                for data__documentorder_x, data__documentorder_item in enumerate(data__documentorder):
                    validate_https___ccmflow_invalid_schemas_process_schema_json___defs_slug(data__documentorder_item, custom_formats, (name_prefix or "data") + ".document_order[{data__documentorder_x}]".format(**locals()))
        if "versions" in data_keys:
            data_keys.remove("versions")
            data__versions = data["versions"]
            if not isinstance(data__versions, (list, tuple)):
                raise JsonSchemaValueException("" + (name_prefix or "data") + ".versions must be array", value=data__versions, name="" + (name_prefix or "data") + ".versions", definition={'type': 'array', 'minItems': 1, 'items': {'type': 'object', 'additionalProperties': False, 'required': ['id', 'name'], 'properties': {'id': {'type': 'string', 'pattern': '^[a-z][a-z0-9]*(-[a-z0-9]+)*$', 'maxLength': 64}, 'name': {'type': 'string', 'minLength': 1}}}}, rule='type')
            data__versions_is_list = isinstance(data__versions, (list, tuple))
            if data__versions_is_list:
                data__versions_len = len(data__versions)
                if data__versions_len < 1:
                    raise JsonSchemaValueException("" + (name_prefix or "data") + ".versions must contain at least 1 items", value=data__versions, name="" + (name_prefix or "data") + ".versions", definition={'type': 'array', 'minItems': 1, 'items': {'type': 'object', 'additionalProperties': False, 'required': ['id', 'name'], 'properties': {'id': {'type': 'string', 'pattern': '^[a-z][a-z0-9]*(-[a-z0-9]+)*$', 'maxLength': 64}, 'name': {'type': 'string', 'minLength': 1}}}}, rule='minItems')
                for data__versions_x, data__versions_item in enumerate(data__versions):
                    if not isinstance(data__versions_item, (dict)):
                        raise JsonSchemaValueException("" + (name_prefix or "data") + ".versions[{data__versions_x}]".format(**locals()) + " must be object", value=data__versions_item, name="" + (name_prefix or "data") + ".versions[{data__versions_x}]".format(**locals()) + "", definition={'type': 'object', 'additionalProperties': False, 'required': ['id', 'name'], 'properties': {'id': {'type': 'string', 'pattern': '^[a-z][a-z0-9]*(-[a-z0-9]+)*$', 'maxLength': 64}, 'name': {'type': 'string', 'minLength': 1}}}, rule='type')
                    data__versions_item_is_dict = isinstance(data__versions_item, dict)
                    if data__versions_item_is_dict:
                        data__versions_item__missing_keys = set(['id', 'name']) - data__versions_item.keys()
                        if data__versions_item__missing_keys:
                            raise JsonSchemaValueException("" + (name_prefix or "data") + ".versions[{data__versions_x}]".format(**locals()) + " must contain " + (str(sorted(data__versions_item__missing_keys)) + " properties"), value=data__versions_item, name="" + (name_prefix or "data") + ".versions[{data__versions_x}]".format(**locals()) + "", definition={'type': 'object', 'additionalProperties': False, 'required': ['id', 'name'], 'properties': {'id': {'type': 'string', 'pattern': '^[a-z][a-z0-9]*(-[a-z0-9]+)*$', 'maxLength': 64}, 'name': {'type': 'string', 'minLength': 1}}}, rule='required')
                        data__versions_item_keys = set(data__versions_item.keys())
                        if "id" in data__versions_item_keys:
                            data__versions_item_keys.remove("id")
                            data__versions_item__id = data__versions_item["id"]
                            validate_https___ccmflow_invalid_schemas_process_schema_json___defs_slug(data__versions_item__id, custom_formats, (name_prefix or "data") + ".versions[{data__versions_x}].id".format(**locals()))
                        if "name" in data__versions_item_keys:
                            data__versions_item_keys.remove("name")
                            data__versions_item__name = data__versions_item["name"]
                            if not isinstance(data__versions_item__name, (str)):
                                raise JsonSchemaValueException("" + (name_prefix or "data") + ".versions[{data__versions_x}].name".format(**locals()) + " must be string", value=data__versions_item__name, name="" + (name_prefix or "data") + ".versions[{data__versions_x}].name".format(**locals()) + "", definition={'type': 'string', 'minLength': 1}, rule='type')
                            if isinstance(data__versions_item__name, str):
                                data__versions_item__name_len = len(data__versions_item__name)
                                if data__versions_item__name_len < 1:
                                    raise JsonSchemaValueException("" + (name_prefix or "data") + ".versions[{data__versions_x}].name".format(**locals()) + " must be longer than or equal to 1 characters", value=data__versions_item__name, name="" + (name_prefix or "data") + ".versions[{data__versions_x}].name".format(**locals()) + "", definition={'type': 'string', 'minLength': 1}, rule='minLength')
                        if data__versions_item_keys:
                            raise JsonSchemaValueException("" + (name_prefix or "data") + ".versions[{data__versions_x}]".format(**locals()) + " must not contain "+str(data__versions_item_keys)+" properties", value=data__versions_item, name="" + (name_prefix or "data") + ".versions[{data__versions_x}]".format(**locals()) + "", definition={'type': 'object', 'additionalProperties': False, 'required': ['id', 'name'], 'properties': {'id': {'type': 'string', 'pattern': '^[a-z][a-z0-9]*(-[a-z0-9]+)*$', 'maxLength': 64}, 'name': {'type': 'string', 'minLength': 1}}}, rule='additionalProperties')
        if "windows" in data_keys:
            data_keys.remove("windows")
            data__windows = data["windows"]
            if not isinstance(data__windows, (list, tuple)):
                raise JsonSchemaValueException("" + (name_prefix or "data") + ".windows must be array", value=data__windows, name="" + (name_prefix or "data") + ".windows", definition={'type': 'array', 'items': {'type': 'object', 'additionalProperties': False, 'required': ['id', 'document', 'title', 'closes'], 'properties': {'id': {'$ref': 'https://ccmflow.invalid/schemas/process.schema.json#/$defs/slug'}, 'document': {'$ref': 'https://ccmflow.invalid/schemas/process.schema.json#/$defs/slug'}, 'version': {'$ref': 'https://ccmflow.invalid/schemas/process.schema.json#/$defs/slug', 'description': 'The version of the document the input is on.'}, 'title': {'type': 'string', 'minLength': 1}, 'opens': {'$ref': 'https://ccmflow.invalid/schemas/process.schema.json#/$defs/instant'}, 'closes': {'$ref': 'https://ccmflow.invalid/schemas/process.schema.json#/$defs/instant'}, 'late_policy': {'enum': ['flag', 'close']}}}}, rule='type')
            data__windows_is_list = isinstance(data__windows, (list, tuple))
            if data__windows_is_list:
                data__windows_len = len(data__windows)
                for data__windows_x, data__windows_item in enumerate(data__windows):
                    validate_https___ccmflow_invalid_schemas_process_schema_json___defs_window(data__windows_item, custom_formats, (name_prefix or "data") + ".windows[{data__windows_x}]".format(**locals()))
        if "milestones" in data_keys:
            data_keys.remove("milestones")
            data__milestones = data["milestones"]
            if not isinstance(data__milestones, (list, tuple)):
                raise JsonSchemaValueException("" + (name_prefix or "data") + ".milestones must be array", value=data__milestones, name="" + (name_prefix or "data") + ".milestones", definition={'type': 'array', 'items': {'type': 'object', 'additionalProperties': False, 'required': ['id', 'title', 'kind'], 'properties': {'id': {'$ref': 'https://ccmflow.invalid/schemas/process.schema.json#/$defs/slug'}, 'title': {'type': 'string', 'minLength': 1}, 'kind': {'enum': ['circulation', 'meeting', 'conference', 'deadline', 'other']}, 'document': {'$ref': 'https://ccmflow.invalid/schemas/process.schema.json#/$defs/slug'}, 'date': {'$ref': 'https://ccmflow.invalid/schemas/process.schema.json#/$defs/date'}, 'end': {'$ref': 'https://ccmflow.invalid/schemas/process.schema.json#/$defs/date'}, 'approximate': {'$ref': 'https://ccmflow.invalid/schemas/process.schema.json#/$defs/approximate'}}, 'oneOf': [{'required': ['date'], 'not': {'required': ['approximate']}}, {'required': ['approximate'], 'not': {'anyOf': [{'required': ['date']}, {'required': ['end']}]}}]}}, rule='type')
            data__milestones_is_list = isinstance(data__milestones, (list, tuple))
            if data__milestones_is_list:
                data__milestones_len = len(data__milestones)
                for data__milestones_x, data__milestones_item in enumerate(data__milestones):
                    validate_https___ccmflow_invalid_schemas_process_schema_json___defs_milestone(data__milestones_item, custom_formats, (name_prefix or "data") + ".milestones[{data__milestones_x}]".format(**locals()))
        if "sections" in data_keys:
            data_keys.remove("sections")
            data__sections = data["sections"]
            if not isinstance(data__sections, (list, tuple)):
                raise JsonSchemaValueException("" + (name_prefix or "data") + ".sections must be array", value=data__sections, name="" + (name_prefix or "data") + ".sections", definition={'type': 'array', 'uniqueItems': True, 'description': "The section ids documents may use (e.g. the Dubrovnik Action Plan's structure); a section id not listed here is an error, which catches misspellings.", 'items': {'type': 'object', 'additionalProperties': False, 'required': ['id', 'title'], 'properties': {'id': {'type': 'string', 'pattern': '^[a-z][a-z0-9]*(-[a-z0-9]+)*$', 'maxLength': 64}, 'title': {'type': 'string', 'minLength': 1}}}}, rule='type')
            data__sections_is_list = isinstance(data__sections, (list, tuple))
            if data__sections_is_list:
                def fn(var): return frozenset(dict((k, fn(v)) for k, v in var.items()).items()) if hasattr(var, "items") else tuple(fn(v) for v in var) if isinstance(var, (dict, list)) else (bool, var) if isinstance(var, bool) else var
                data__sections_len = len(data__sections)
                if data__sections_len > len(set(fn(data__sections_x) for data__sections_x in data__sections)):
                    raise JsonSchemaValueException("" + (name_prefix or "data") + ".sections must contain unique items", value=data__sections, name="" + (name_prefix or "data") + ".sections", definition={'type': 'array', 'uniqueItems': True, 'description': "The section ids documents may use (e.g. the Dubrovnik Action Plan's structure); a section id not listed here is an error, which catches misspellings.", 'items': {'type': 'object', 'additionalProperties': False, 'required': ['id', 'title'], 'properties': {'id': {'type': 'string', 'pattern': '^[a-z][a-z0-9]*(-[a-z0-9]+)*$', 'maxLength': 64}, 'title': {'type': 'string', 'minLength': 1}}}}, rule='uniqueItems')
                for data__sections_x, data__sections_item in enumerate(data__sections):
                    if not isinstance(data__sections_item, (dict)):
                        raise JsonSchemaValueException("" + (name_prefix or "data") + ".sections[{data__sections_x}]".format(**locals()) + " must be object", value=data__sections_item, name="" + (name_prefix or "data") + ".sections[{data__sections_x}]".format(**locals()) + "", definition={'type': 'object', 'additionalProperties': False, 'required': ['id', 'title'], 'properties': {'id': {'type': 'string', 'pattern': '^[a-z][a-z0-9]*(-[a-z0-9]+)*$', 'maxLength': 64}, 'title': {'type': 'string', 'minLength': 1}}}, rule='type')
                    data__sections_item_is_dict = isinstance(data__sections_item, dict)
                    if data__sections_item_is_dict:
                        data__sections_item__missing_keys = set(['id', 'title']) - data__sections_item.keys()
                        if data__sections_item__missing_keys:
                            raise JsonSchemaValueException("" + (name_prefix or "data") + ".sections[{data__sections_x}]".format(**locals()) + " must contain " + (str(sorted(data__sections_item__missing_keys)) + " properties"), value=data__sections_item, name="" + (name_prefix or "data") + ".sections[{data__sections_x}]".format(**locals()) + "", definition={'type': 'object', 'additionalProperties': False, 'required': ['id', 'title'], 'properties': {'id': {'type': 'string', 'pattern': '^[a-z][a-z0-9]*(-[a-z0-9]+)*$', 'maxLength': 64}, 'title': {'type': 'string', 'minLength': 1}}}, rule='required')
                        data__sections_item_keys = set(data__sections_item.keys())
                        if "id" in data__sections_item_keys:
                            data__sections_item_keys.remove("id")
                            data__sections_item__id = data__sections_item["id"]
                            validate_https___ccmflow_invalid_schemas_process_schema_json___defs_slug(data__sections_item__id, custom_formats, (name_prefix or "data") + ".sections[{data__sections_x}].id".format(**locals()))
                        if "title" in data__sections_item_keys:
                            data__sections_item_keys.remove("title")
                            data__sections_item__title = data__sections_item["title"]
                            if not isinstance(data__sections_item__title, (str)):
                                raise JsonSchemaValueException("" + (name_prefix or "data") + ".sections[{data__sections_x}].title".format(**locals()) + " must be string", value=data__sections_item__title, name="" + (name_prefix or "data") + ".sections[{data__sections_x}].title".format(**locals()) + "", definition={'type': 'string', 'minLength': 1}, rule='type')
                            if isinstance(data__sections_item__title, str):
                                data__sections_item__title_len = len(data__sections_item__title)
                                if data__sections_item__title_len < 1:
                                    raise JsonSchemaValueException("" + (name_prefix or "data") + ".sections[{data__sections_x}].title".format(**locals()) + " must be longer than or equal to 1 characters", value=data__sections_item__title, name="" + (name_prefix or "data") + ".sections[{data__sections_x}].title".format(**locals()) + "", definition={'type': 'string', 'minLength': 1}, rule='minLength')
                        if data__sections_item_keys:
                            raise JsonSchemaValueException("" + (name_prefix or "data") + ".sections[{data__sections_x}]".format(**locals()) + " must not contain "+str(data__sections_item_keys)+" properties", value=data__sections_item, name="" + (name_prefix or "data") + ".sections[{data__sections_x}]".format(**locals()) + "", definition={'type': 'object', 'additionalProperties': False, 'required': ['id', 'title'], 'properties': {'id': {'type': 'string', 'pattern': '^[a-z][a-z0-9]*(-[a-z0-9]+)*$', 'maxLength': 64}, 'title': {'type': 'string', 'minLength': 1}}}, rule='additionalProperties')
        if data_keys:
            raise JsonSchemaValueException("" + (name_prefix or "data") + " must not contain "+str(data_keys)+" properties", value=data, name="" + (name_prefix or "data") + "", definition={'$schema': 'https://json-schema.org/draft/2020-12/schema', '$id': 'https://ccmflow.invalid/schemas/process.schema.json', 'title': 'ccmflow process timeline', 'type': 'object', 'additionalProperties': False, 'required': ['conference', 'deadline_time', 'document_order', 'versions', 'windows', 'milestones'], 'properties': {'conference': {'type': 'object', 'additionalProperties': False, 'required': ['name', 'venue', 'start', 'end', 'timezone'], 'properties': {'name': {'type': 'string', 'minLength': 1}, 'short_name': {'type': 'string', 'minLength': 1}, 'venue': {'type': 'string', 'minLength': 1}, 'start': {'type': 'string', 'pattern': '^[0-9]{4}-[0-9]{2}-[0-9]{2}$'}, 'end': {'type': 'string', 'pattern': '^[0-9]{4}-[0-9]{2}-[0-9]{2}$'}, 'timezone': {'type': 'string', 'pattern': '^[A-Za-z_]+(/[A-Za-z0-9_+-]+)*$', 'description': 'IANA time zone of the conference, e.g. Europe/Zurich.'}}}, 'deadline_time': {'type': 'string', 'pattern': '^([01][0-9]|2[0-3]):[0-5][0-9](:[0-5][0-9])?$', 'description': 'Time of day, conference time, at which a deadline given as a bare date closes.'}, 'late_policy': {'enum': ['flag', 'close'], 'default': 'flag'}, 'document_order': {'type': 'array', 'minItems': 1, 'uniqueItems': True, 'items': {'type': 'string', 'pattern': '^[a-z][a-z0-9]*(-[a-z0-9]+)*$', 'maxLength': 64}, 'description': 'Which document informs which: each informs the next.'}, 'versions': {'type': 'array', 'minItems': 1, 'items': {'type': 'object', 'additionalProperties': False, 'required': ['id', 'name'], 'properties': {'id': {'type': 'string', 'pattern': '^[a-z][a-z0-9]*(-[a-z0-9]+)*$', 'maxLength': 64}, 'name': {'type': 'string', 'minLength': 1}}}}, 'windows': {'type': 'array', 'items': {'type': 'object', 'additionalProperties': False, 'required': ['id', 'document', 'title', 'closes'], 'properties': {'id': {'$ref': 'https://ccmflow.invalid/schemas/process.schema.json#/$defs/slug'}, 'document': {'$ref': 'https://ccmflow.invalid/schemas/process.schema.json#/$defs/slug'}, 'version': {'$ref': 'https://ccmflow.invalid/schemas/process.schema.json#/$defs/slug', 'description': 'The version of the document the input is on.'}, 'title': {'type': 'string', 'minLength': 1}, 'opens': {'$ref': 'https://ccmflow.invalid/schemas/process.schema.json#/$defs/instant'}, 'closes': {'$ref': 'https://ccmflow.invalid/schemas/process.schema.json#/$defs/instant'}, 'late_policy': {'enum': ['flag', 'close']}}}}, 'milestones': {'type': 'array', 'items': {'type': 'object', 'additionalProperties': False, 'required': ['id', 'title', 'kind'], 'properties': {'id': {'$ref': 'https://ccmflow.invalid/schemas/process.schema.json#/$defs/slug'}, 'title': {'type': 'string', 'minLength': 1}, 'kind': {'enum': ['circulation', 'meeting', 'conference', 'deadline', 'other']}, 'document': {'$ref': 'https://ccmflow.invalid/schemas/process.schema.json#/$defs/slug'}, 'date': {'$ref': 'https://ccmflow.invalid/schemas/process.schema.json#/$defs/date'}, 'end': {'$ref': 'https://ccmflow.invalid/schemas/process.schema.json#/$defs/date'}, 'approximate': {'$ref': 'https://ccmflow.invalid/schemas/process.schema.json#/$defs/approximate'}}, 'oneOf': [{'required': ['date'], 'not': {'required': ['approximate']}}, {'required': ['approximate'], 'not': {'anyOf': [{'required': ['date']}, {'required': ['end']}]}}]}}, 'sections': {'type': 'array', 'uniqueItems': True, 'description': "The section ids documents may use (e.g. the Dubrovnik Action Plan's structure); a section id not listed here is an error, which catches misspellings.", 'items': {'type': 'object', 'additionalProperties': False, 'required': ['id', 'title'], 'properties': {'id': {'type': 'string', 'pattern': '^[a-z][a-z0-9]*(-[a-z0-9]+)*$', 'maxLength': 64}, 'title': {'type': 'string', 'minLength': 1}}}}}, '$defs': {'slug': {'type': 'string', 'pattern': '^[a-z][a-z0-9]*(-[a-z0-9]+)*$', 'maxLength': 64}, 'date': {'type': 'string', 'pattern': '^[0-9]{4}-[0-9]{2}-[0-9]{2}$'}, 'instant': {'description': "A date (closes at deadline_time, conference time), a local date-time (conference time) or 'to be announced'.", 'oneOf': [{'type': 'string', 'pattern': '^[0-9]{4}-[0-9]{2}-[0-9]{2}$'}, {'type': 'string', 'pattern': '^[0-9]{4}-[0-9]{2}-[0-9]{2}[T ][0-9]{2}:[0-9]{2}(:[0-9]{2})?$'}, {'const': 'to be announced'}]}, 'approximate': {'type': 'object', 'additionalProperties': False, 'required': ['month', 'part'], 'properties': {'month': {'type': 'string', 'pattern': '^[0-9]{4}-[0-9]{2}$'}, 'part': {'enum': ['early', 'mid', 'late']}}}, 'window': {'type': 'object', 'additionalProperties': False, 'required': ['id', 'document', 'title', 'closes'], 'properties': {'id': {'type': 'string', 'pattern': '^[a-z][a-z0-9]*(-[a-z0-9]+)*$', 'maxLength': 64}, 'document': {'type': 'string', 'pattern': '^[a-z][a-z0-9]*(-[a-z0-9]+)*$', 'maxLength': 64}, 'version': {'type': 'string', 'pattern': '^[a-z][a-z0-9]*(-[a-z0-9]+)*$', 'maxLength': 64}, 'title': {'type': 'string', 'minLength': 1}, 'opens': {'description': "A date (closes at deadline_time, conference time), a local date-time (conference time) or 'to be announced'.", 'oneOf': [{'$ref': '#/$defs/date'}, {'type': 'string', 'pattern': '^[0-9]{4}-[0-9]{2}-[0-9]{2}[T ][0-9]{2}:[0-9]{2}(:[0-9]{2})?$'}, {'const': 'to be announced'}]}, 'closes': {'description': "A date (closes at deadline_time, conference time), a local date-time (conference time) or 'to be announced'.", 'oneOf': [{'$ref': '#/$defs/date'}, {'type': 'string', 'pattern': '^[0-9]{4}-[0-9]{2}-[0-9]{2}[T ][0-9]{2}:[0-9]{2}(:[0-9]{2})?$'}, {'const': 'to be announced'}]}, 'late_policy': {'enum': ['flag', 'close']}}}, 'milestone': {'type': 'object', 'additionalProperties': False, 'required': ['id', 'title', 'kind'], 'properties': {'id': {'type': 'string', 'pattern': '^[a-z][a-z0-9]*(-[a-z0-9]+)*$', 'maxLength': 64}, 'title': {'type': 'string', 'minLength': 1}, 'kind': {'enum': ['circulation', 'meeting', 'conference', 'deadline', 'other']}, 'document': {'type': 'string', 'pattern': '^[a-z][a-z0-9]*(-[a-z0-9]+)*$', 'maxLength': 64}, 'date': {'type': 'string', 'pattern': '^[0-9]{4}-[0-9]{2}-[0-9]{2}$'}, 'end': {'type': 'string', 'pattern': '^[0-9]{4}-[0-9]{2}-[0-9]{2}$'}, 'approximate': {'type': 'object', 'additionalProperties': False, 'required': ['month', 'part'], 'properties': {'month': {'type': 'string', 'pattern': '^[0-9]{4}-[0-9]{2}$'}, 'part': {'enum': ['early', 'mid', 'late']}}}}, 'oneOf': [{'required': ['date'], 'not': {'required': ['approximate']}}, {'required': ['approximate'], 'not': {'anyOf': [{'required': ['date']}, {'required': ['end']}]}}]}}}, rule='additionalProperties')
    return data

def validate_https___ccmflow_invalid_schemas_process_schema_json___defs_milestone(data, custom_formats={}, name_prefix=None):
    if not isinstance(data, (dict)):
        raise JsonSchemaValueException("" + (name_prefix or "data") + " must be object", value=data, name="" + (name_prefix or "data") + "", definition={'type': 'object', 'additionalProperties': False, 'required': ['id', 'title', 'kind'], 'properties': {'id': {'type': 'string', 'pattern': '^[a-z][a-z0-9]*(-[a-z0-9]+)*$', 'maxLength': 64}, 'title': {'type': 'string', 'minLength': 1}, 'kind': {'enum': ['circulation', 'meeting', 'conference', 'deadline', 'other']}, 'document': {'type': 'string', 'pattern': '^[a-z][a-z0-9]*(-[a-z0-9]+)*$', 'maxLength': 64}, 'date': {'type': 'string', 'pattern': '^[0-9]{4}-[0-9]{2}-[0-9]{2}$'}, 'end': {'type': 'string', 'pattern': '^[0-9]{4}-[0-9]{2}-[0-9]{2}$'}, 'approximate': {'type': 'object', 'additionalProperties': False, 'required': ['month', 'part'], 'properties': {'month': {'type': 'string', 'pattern': '^[0-9]{4}-[0-9]{2}$'}, 'part': {'enum': ['early', 'mid', 'late']}}}}, 'oneOf': [{'required': ['date'], 'not': {'required': ['approximate']}}, {'required': ['approximate'], 'not': {'anyOf': [{'required': ['date']}, {'required': ['end']}]}}]}, rule='type')
    data_one_of_count1 = 0
    if data_one_of_count1 < 2:
        try:
            try:
                data_is_dict = isinstance(data, dict)
                if data_is_dict:
                    data__missing_keys = set(['approximate']) - data.keys()
                    if data__missing_keys:
                        raise JsonSchemaValueException("" + (name_prefix or "data") + " must contain " + (str(sorted(data__missing_keys)) + " properties"), value=data, name="" + (name_prefix or "data") + "", definition={'required': ['approximate']}, rule='required')
            except (JsonSchemaValueException, JsonSchemaValuesException): pass
            else:
                raise JsonSchemaValueException("" + (name_prefix or "data") + " must NOT match a disallowed definition", value=data, name="" + (name_prefix or "data") + "", definition={'required': ['date'], 'not': {'required': ['approximate']}}, rule='not')
            data_is_dict = isinstance(data, dict)
            if data_is_dict:
                data__missing_keys = set(['date']) - data.keys()
                if data__missing_keys:
                    raise JsonSchemaValueException("" + (name_prefix or "data") + " must contain " + (str(sorted(data__missing_keys)) + " properties"), value=data, name="" + (name_prefix or "data") + "", definition={'required': ['date'], 'not': {'required': ['approximate']}}, rule='required')
            data_one_of_count1 += 1
        except (JsonSchemaValueException, JsonSchemaValuesException): pass
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
                                raise JsonSchemaValueException("" + (name_prefix or "data") + " must contain " + (str(sorted(data__missing_keys)) + " properties"), value=data, name="" + (name_prefix or "data") + "", definition={'required': ['date']}, rule='required')
                        data_any_of_count2 += 1
                    except (JsonSchemaValueException, JsonSchemaValuesException): pass
                if not data_any_of_count2:
                    try:
                        data_is_dict = isinstance(data, dict)
                        if data_is_dict:
                            data__missing_keys = set(['end']) - data.keys()
                            if data__missing_keys:
                                raise JsonSchemaValueException("" + (name_prefix or "data") + " must contain " + (str(sorted(data__missing_keys)) + " properties"), value=data, name="" + (name_prefix or "data") + "", definition={'required': ['end']}, rule='required')
                        data_any_of_count2 += 1
                    except (JsonSchemaValueException, JsonSchemaValuesException): pass
                if not data_any_of_count2:
                    raise JsonSchemaValueException("" + (name_prefix or "data") + " cannot be validated by any definition", value=data, name="" + (name_prefix or "data") + "", definition={'anyOf': [{'required': ['date']}, {'required': ['end']}]}, rule='anyOf')
            except (JsonSchemaValueException, JsonSchemaValuesException): pass
            else:
                raise JsonSchemaValueException("" + (name_prefix or "data") + " must NOT match a disallowed definition", value=data, name="" + (name_prefix or "data") + "", definition={'required': ['approximate'], 'not': {'anyOf': [{'required': ['date']}, {'required': ['end']}]}}, rule='not')
            data_is_dict = isinstance(data, dict)
            if data_is_dict:
                data__missing_keys = set(['approximate']) - data.keys()
                if data__missing_keys:
                    raise JsonSchemaValueException("" + (name_prefix or "data") + " must contain " + (str(sorted(data__missing_keys)) + " properties"), value=data, name="" + (name_prefix or "data") + "", definition={'required': ['approximate'], 'not': {'anyOf': [{'required': ['date']}, {'required': ['end']}]}}, rule='required')
            data_one_of_count1 += 1
        except (JsonSchemaValueException, JsonSchemaValuesException): pass
    if data_one_of_count1 != 1:
        raise JsonSchemaValueException("" + (name_prefix or "data") + " must be valid exactly by one definition" + (" (" + str(data_one_of_count1) + " matches found)"), value=data, name="" + (name_prefix or "data") + "", definition={'type': 'object', 'additionalProperties': False, 'required': ['id', 'title', 'kind'], 'properties': {'id': {'type': 'string', 'pattern': '^[a-z][a-z0-9]*(-[a-z0-9]+)*$', 'maxLength': 64}, 'title': {'type': 'string', 'minLength': 1}, 'kind': {'enum': ['circulation', 'meeting', 'conference', 'deadline', 'other']}, 'document': {'type': 'string', 'pattern': '^[a-z][a-z0-9]*(-[a-z0-9]+)*$', 'maxLength': 64}, 'date': {'type': 'string', 'pattern': '^[0-9]{4}-[0-9]{2}-[0-9]{2}$'}, 'end': {'type': 'string', 'pattern': '^[0-9]{4}-[0-9]{2}-[0-9]{2}$'}, 'approximate': {'type': 'object', 'additionalProperties': False, 'required': ['month', 'part'], 'properties': {'month': {'type': 'string', 'pattern': '^[0-9]{4}-[0-9]{2}$'}, 'part': {'enum': ['early', 'mid', 'late']}}}}, 'oneOf': [{'required': ['date'], 'not': {'required': ['approximate']}}, {'required': ['approximate'], 'not': {'anyOf': [{'required': ['date']}, {'required': ['end']}]}}]}, rule='oneOf')
    data_is_dict = isinstance(data, dict)
    if data_is_dict:
        data__missing_keys = set(['id', 'title', 'kind']) - data.keys()
        if data__missing_keys:
            raise JsonSchemaValueException("" + (name_prefix or "data") + " must contain " + (str(sorted(data__missing_keys)) + " properties"), value=data, name="" + (name_prefix or "data") + "", definition={'type': 'object', 'additionalProperties': False, 'required': ['id', 'title', 'kind'], 'properties': {'id': {'type': 'string', 'pattern': '^[a-z][a-z0-9]*(-[a-z0-9]+)*$', 'maxLength': 64}, 'title': {'type': 'string', 'minLength': 1}, 'kind': {'enum': ['circulation', 'meeting', 'conference', 'deadline', 'other']}, 'document': {'type': 'string', 'pattern': '^[a-z][a-z0-9]*(-[a-z0-9]+)*$', 'maxLength': 64}, 'date': {'type': 'string', 'pattern': '^[0-9]{4}-[0-9]{2}-[0-9]{2}$'}, 'end': {'type': 'string', 'pattern': '^[0-9]{4}-[0-9]{2}-[0-9]{2}$'}, 'approximate': {'type': 'object', 'additionalProperties': False, 'required': ['month', 'part'], 'properties': {'month': {'type': 'string', 'pattern': '^[0-9]{4}-[0-9]{2}$'}, 'part': {'enum': ['early', 'mid', 'late']}}}}, 'oneOf': [{'required': ['date'], 'not': {'required': ['approximate']}}, {'required': ['approximate'], 'not': {'anyOf': [{'required': ['date']}, {'required': ['end']}]}}]}, rule='required')
        data_keys = set(data.keys())
        if "id" in data_keys:
            data_keys.remove("id")
            data__id = data["id"]
            validate_https___ccmflow_invalid_schemas_process_schema_json___defs_slug(data__id, custom_formats, (name_prefix or "data") + ".id")
        if "title" in data_keys:
            data_keys.remove("title")
            data__title = data["title"]
            if not isinstance(data__title, (str)):
                raise JsonSchemaValueException("" + (name_prefix or "data") + ".title must be string", value=data__title, name="" + (name_prefix or "data") + ".title", definition={'type': 'string', 'minLength': 1}, rule='type')
            if isinstance(data__title, str):
                data__title_len = len(data__title)
                if data__title_len < 1:
                    raise JsonSchemaValueException("" + (name_prefix or "data") + ".title must be longer than or equal to 1 characters", value=data__title, name="" + (name_prefix or "data") + ".title", definition={'type': 'string', 'minLength': 1}, rule='minLength')
        if "kind" in data_keys:
            data_keys.remove("kind")
            data__kind = data["kind"]
            if not (isinstance(data__kind, str) and data__kind == 'circulation' or isinstance(data__kind, str) and data__kind == 'meeting' or isinstance(data__kind, str) and data__kind == 'conference' or isinstance(data__kind, str) and data__kind == 'deadline' or isinstance(data__kind, str) and data__kind == 'other'):
                raise JsonSchemaValueException("" + (name_prefix or "data") + ".kind must be one of ['circulation', 'meeting', 'conference', 'deadline', 'other']", value=data__kind, name="" + (name_prefix or "data") + ".kind", definition={'enum': ['circulation', 'meeting', 'conference', 'deadline', 'other']}, rule='enum')
        if "document" in data_keys:
            data_keys.remove("document")
            data__document = data["document"]
            validate_https___ccmflow_invalid_schemas_process_schema_json___defs_slug(data__document, custom_formats, (name_prefix or "data") + ".document")
        if "date" in data_keys:
            data_keys.remove("date")
            data__date = data["date"]
            validate_https___ccmflow_invalid_schemas_process_schema_json___defs_date(data__date, custom_formats, (name_prefix or "data") + ".date")
        if "end" in data_keys:
            data_keys.remove("end")
            data__end = data["end"]
            validate_https___ccmflow_invalid_schemas_process_schema_json___defs_date(data__end, custom_formats, (name_prefix or "data") + ".end")
        if "approximate" in data_keys:
            data_keys.remove("approximate")
            data__approximate = data["approximate"]
            validate_https___ccmflow_invalid_schemas_process_schema_json___defs_approximate(data__approximate, custom_formats, (name_prefix or "data") + ".approximate")
        if data_keys:
            raise JsonSchemaValueException("" + (name_prefix or "data") + " must not contain "+str(data_keys)+" properties", value=data, name="" + (name_prefix or "data") + "", definition={'type': 'object', 'additionalProperties': False, 'required': ['id', 'title', 'kind'], 'properties': {'id': {'type': 'string', 'pattern': '^[a-z][a-z0-9]*(-[a-z0-9]+)*$', 'maxLength': 64}, 'title': {'type': 'string', 'minLength': 1}, 'kind': {'enum': ['circulation', 'meeting', 'conference', 'deadline', 'other']}, 'document': {'type': 'string', 'pattern': '^[a-z][a-z0-9]*(-[a-z0-9]+)*$', 'maxLength': 64}, 'date': {'type': 'string', 'pattern': '^[0-9]{4}-[0-9]{2}-[0-9]{2}$'}, 'end': {'type': 'string', 'pattern': '^[0-9]{4}-[0-9]{2}-[0-9]{2}$'}, 'approximate': {'type': 'object', 'additionalProperties': False, 'required': ['month', 'part'], 'properties': {'month': {'type': 'string', 'pattern': '^[0-9]{4}-[0-9]{2}$'}, 'part': {'enum': ['early', 'mid', 'late']}}}}, 'oneOf': [{'required': ['date'], 'not': {'required': ['approximate']}}, {'required': ['approximate'], 'not': {'anyOf': [{'required': ['date']}, {'required': ['end']}]}}]}, rule='additionalProperties')
    return data

def validate_https___ccmflow_invalid_schemas_process_schema_json___defs_approximate(data, custom_formats={}, name_prefix=None):
    if not isinstance(data, (dict)):
        raise JsonSchemaValueException("" + (name_prefix or "data") + " must be object", value=data, name="" + (name_prefix or "data") + "", definition={'type': 'object', 'additionalProperties': False, 'required': ['month', 'part'], 'properties': {'month': {'type': 'string', 'pattern': '^[0-9]{4}-[0-9]{2}$'}, 'part': {'enum': ['early', 'mid', 'late']}}}, rule='type')
    data_is_dict = isinstance(data, dict)
    if data_is_dict:
        data__missing_keys = set(['month', 'part']) - data.keys()
        if data__missing_keys:
            raise JsonSchemaValueException("" + (name_prefix or "data") + " must contain " + (str(sorted(data__missing_keys)) + " properties"), value=data, name="" + (name_prefix or "data") + "", definition={'type': 'object', 'additionalProperties': False, 'required': ['month', 'part'], 'properties': {'month': {'type': 'string', 'pattern': '^[0-9]{4}-[0-9]{2}$'}, 'part': {'enum': ['early', 'mid', 'late']}}}, rule='required')
        data_keys = set(data.keys())
        if "month" in data_keys:
            data_keys.remove("month")
            data__month = data["month"]
            if not isinstance(data__month, (str)):
                raise JsonSchemaValueException("" + (name_prefix or "data") + ".month must be string", value=data__month, name="" + (name_prefix or "data") + ".month", definition={'type': 'string', 'pattern': '^[0-9]{4}-[0-9]{2}$'}, rule='type')
            if isinstance(data__month, str):
                if not REGEX_PATTERNS['^[0-9]{4}-[0-9]{2}$'].search(data__month):
                    raise JsonSchemaValueException("" + (name_prefix or "data") + ".month must match pattern ^[0-9]{4}-[0-9]{2}$", value=data__month, name="" + (name_prefix or "data") + ".month", definition={'type': 'string', 'pattern': '^[0-9]{4}-[0-9]{2}$'}, rule='pattern')
        if "part" in data_keys:
            data_keys.remove("part")
            data__part = data["part"]
            if not (isinstance(data__part, str) and data__part == 'early' or isinstance(data__part, str) and data__part == 'mid' or isinstance(data__part, str) and data__part == 'late'):
                raise JsonSchemaValueException("" + (name_prefix or "data") + ".part must be one of ['early', 'mid', 'late']", value=data__part, name="" + (name_prefix or "data") + ".part", definition={'enum': ['early', 'mid', 'late']}, rule='enum')
        if data_keys:
            raise JsonSchemaValueException("" + (name_prefix or "data") + " must not contain "+str(data_keys)+" properties", value=data, name="" + (name_prefix or "data") + "", definition={'type': 'object', 'additionalProperties': False, 'required': ['month', 'part'], 'properties': {'month': {'type': 'string', 'pattern': '^[0-9]{4}-[0-9]{2}$'}, 'part': {'enum': ['early', 'mid', 'late']}}}, rule='additionalProperties')
    return data

def validate_https___ccmflow_invalid_schemas_process_schema_json___defs_window(data, custom_formats={}, name_prefix=None):
    if not isinstance(data, (dict)):
        raise JsonSchemaValueException("" + (name_prefix or "data") + " must be object", value=data, name="" + (name_prefix or "data") + "", definition={'type': 'object', 'additionalProperties': False, 'required': ['id', 'document', 'title', 'closes'], 'properties': {'id': {'type': 'string', 'pattern': '^[a-z][a-z0-9]*(-[a-z0-9]+)*$', 'maxLength': 64}, 'document': {'type': 'string', 'pattern': '^[a-z][a-z0-9]*(-[a-z0-9]+)*$', 'maxLength': 64}, 'version': {'type': 'string', 'pattern': '^[a-z][a-z0-9]*(-[a-z0-9]+)*$', 'maxLength': 64}, 'title': {'type': 'string', 'minLength': 1}, 'opens': {'description': "A date (closes at deadline_time, conference time), a local date-time (conference time) or 'to be announced'.", 'oneOf': [{'$ref': '#/$defs/date'}, {'type': 'string', 'pattern': '^[0-9]{4}-[0-9]{2}-[0-9]{2}[T ][0-9]{2}:[0-9]{2}(:[0-9]{2})?$'}, {'const': 'to be announced'}]}, 'closes': {'description': "A date (closes at deadline_time, conference time), a local date-time (conference time) or 'to be announced'.", 'oneOf': [{'$ref': '#/$defs/date'}, {'type': 'string', 'pattern': '^[0-9]{4}-[0-9]{2}-[0-9]{2}[T ][0-9]{2}:[0-9]{2}(:[0-9]{2})?$'}, {'const': 'to be announced'}]}, 'late_policy': {'enum': ['flag', 'close']}}}, rule='type')
    data_is_dict = isinstance(data, dict)
    if data_is_dict:
        data__missing_keys = set(['id', 'document', 'title', 'closes']) - data.keys()
        if data__missing_keys:
            raise JsonSchemaValueException("" + (name_prefix or "data") + " must contain " + (str(sorted(data__missing_keys)) + " properties"), value=data, name="" + (name_prefix or "data") + "", definition={'type': 'object', 'additionalProperties': False, 'required': ['id', 'document', 'title', 'closes'], 'properties': {'id': {'type': 'string', 'pattern': '^[a-z][a-z0-9]*(-[a-z0-9]+)*$', 'maxLength': 64}, 'document': {'type': 'string', 'pattern': '^[a-z][a-z0-9]*(-[a-z0-9]+)*$', 'maxLength': 64}, 'version': {'type': 'string', 'pattern': '^[a-z][a-z0-9]*(-[a-z0-9]+)*$', 'maxLength': 64}, 'title': {'type': 'string', 'minLength': 1}, 'opens': {'description': "A date (closes at deadline_time, conference time), a local date-time (conference time) or 'to be announced'.", 'oneOf': [{'$ref': '#/$defs/date'}, {'type': 'string', 'pattern': '^[0-9]{4}-[0-9]{2}-[0-9]{2}[T ][0-9]{2}:[0-9]{2}(:[0-9]{2})?$'}, {'const': 'to be announced'}]}, 'closes': {'description': "A date (closes at deadline_time, conference time), a local date-time (conference time) or 'to be announced'.", 'oneOf': [{'$ref': '#/$defs/date'}, {'type': 'string', 'pattern': '^[0-9]{4}-[0-9]{2}-[0-9]{2}[T ][0-9]{2}:[0-9]{2}(:[0-9]{2})?$'}, {'const': 'to be announced'}]}, 'late_policy': {'enum': ['flag', 'close']}}}, rule='required')
        data_keys = set(data.keys())
        if "id" in data_keys:
            data_keys.remove("id")
            data__id = data["id"]
            validate_https___ccmflow_invalid_schemas_process_schema_json___defs_slug(data__id, custom_formats, (name_prefix or "data") + ".id")
        if "document" in data_keys:
            data_keys.remove("document")
            data__document = data["document"]
            validate_https___ccmflow_invalid_schemas_process_schema_json___defs_slug(data__document, custom_formats, (name_prefix or "data") + ".document")
        if "version" in data_keys:
            data_keys.remove("version")
            data__version = data["version"]
            validate_https___ccmflow_invalid_schemas_process_schema_json___defs_slug(data__version, custom_formats, (name_prefix or "data") + ".version")
        if "title" in data_keys:
            data_keys.remove("title")
            data__title = data["title"]
            if not isinstance(data__title, (str)):
                raise JsonSchemaValueException("" + (name_prefix or "data") + ".title must be string", value=data__title, name="" + (name_prefix or "data") + ".title", definition={'type': 'string', 'minLength': 1}, rule='type')
            if isinstance(data__title, str):
                data__title_len = len(data__title)
                if data__title_len < 1:
                    raise JsonSchemaValueException("" + (name_prefix or "data") + ".title must be longer than or equal to 1 characters", value=data__title, name="" + (name_prefix or "data") + ".title", definition={'type': 'string', 'minLength': 1}, rule='minLength')
        if "opens" in data_keys:
            data_keys.remove("opens")
            data__opens = data["opens"]
            validate_https___ccmflow_invalid_schemas_process_schema_json___defs_instant(data__opens, custom_formats, (name_prefix or "data") + ".opens")
        if "closes" in data_keys:
            data_keys.remove("closes")
            data__closes = data["closes"]
            validate_https___ccmflow_invalid_schemas_process_schema_json___defs_instant(data__closes, custom_formats, (name_prefix or "data") + ".closes")
        if "late_policy" in data_keys:
            data_keys.remove("late_policy")
            data__latepolicy = data["late_policy"]
            if not (isinstance(data__latepolicy, str) and data__latepolicy == 'flag' or isinstance(data__latepolicy, str) and data__latepolicy == 'close'):
                raise JsonSchemaValueException("" + (name_prefix or "data") + ".late_policy must be one of ['flag', 'close']", value=data__latepolicy, name="" + (name_prefix or "data") + ".late_policy", definition={'enum': ['flag', 'close']}, rule='enum')
        if data_keys:
            raise JsonSchemaValueException("" + (name_prefix or "data") + " must not contain "+str(data_keys)+" properties", value=data, name="" + (name_prefix or "data") + "", definition={'type': 'object', 'additionalProperties': False, 'required': ['id', 'document', 'title', 'closes'], 'properties': {'id': {'type': 'string', 'pattern': '^[a-z][a-z0-9]*(-[a-z0-9]+)*$', 'maxLength': 64}, 'document': {'type': 'string', 'pattern': '^[a-z][a-z0-9]*(-[a-z0-9]+)*$', 'maxLength': 64}, 'version': {'type': 'string', 'pattern': '^[a-z][a-z0-9]*(-[a-z0-9]+)*$', 'maxLength': 64}, 'title': {'type': 'string', 'minLength': 1}, 'opens': {'description': "A date (closes at deadline_time, conference time), a local date-time (conference time) or 'to be announced'.", 'oneOf': [{'$ref': '#/$defs/date'}, {'type': 'string', 'pattern': '^[0-9]{4}-[0-9]{2}-[0-9]{2}[T ][0-9]{2}:[0-9]{2}(:[0-9]{2})?$'}, {'const': 'to be announced'}]}, 'closes': {'description': "A date (closes at deadline_time, conference time), a local date-time (conference time) or 'to be announced'.", 'oneOf': [{'$ref': '#/$defs/date'}, {'type': 'string', 'pattern': '^[0-9]{4}-[0-9]{2}-[0-9]{2}[T ][0-9]{2}:[0-9]{2}(:[0-9]{2})?$'}, {'const': 'to be announced'}]}, 'late_policy': {'enum': ['flag', 'close']}}}, rule='additionalProperties')
    return data

def validate_https___ccmflow_invalid_schemas_process_schema_json___defs_instant(data, custom_formats={}, name_prefix=None):
    data_one_of_count3 = 0
    if data_one_of_count3 < 2:
        try:
            validate_https___ccmflow_invalid_schemas_process_schema_json___defs_date(data, custom_formats, (name_prefix or "data") + "")
            data_one_of_count3 += 1
        except (JsonSchemaValueException, JsonSchemaValuesException): pass
    if data_one_of_count3 < 2:
        try:
            if not isinstance(data, (str)):
                raise JsonSchemaValueException("" + (name_prefix or "data") + " must be string", value=data, name="" + (name_prefix or "data") + "", definition={'type': 'string', 'pattern': '^[0-9]{4}-[0-9]{2}-[0-9]{2}[T ][0-9]{2}:[0-9]{2}(:[0-9]{2})?$'}, rule='type')
            if isinstance(data, str):
                if not REGEX_PATTERNS['^[0-9]{4}-[0-9]{2}-[0-9]{2}[T ][0-9]{2}:[0-9]{2}(:[0-9]{2})?$'].search(data):
                    raise JsonSchemaValueException("" + (name_prefix or "data") + " must match pattern ^[0-9]{4}-[0-9]{2}-[0-9]{2}[T ][0-9]{2}:[0-9]{2}(:[0-9]{2})?$", value=data, name="" + (name_prefix or "data") + "", definition={'type': 'string', 'pattern': '^[0-9]{4}-[0-9]{2}-[0-9]{2}[T ][0-9]{2}:[0-9]{2}(:[0-9]{2})?$'}, rule='pattern')
            data_one_of_count3 += 1
        except (JsonSchemaValueException, JsonSchemaValuesException): pass
    if data_one_of_count3 < 2:
        try:
            if not (isinstance(data, str) and data == 'to be announced'):
                raise JsonSchemaValueException("" + (name_prefix or "data") + " must be same as const definition: to be announced", value=data, name="" + (name_prefix or "data") + "", definition={'const': 'to be announced'}, rule='const')
            data_one_of_count3 += 1
        except (JsonSchemaValueException, JsonSchemaValuesException): pass
    if data_one_of_count3 != 1:
        raise JsonSchemaValueException("" + (name_prefix or "data") + " must be valid exactly by one definition" + (" (" + str(data_one_of_count3) + " matches found)"), value=data, name="" + (name_prefix or "data") + "", definition={'description': "A date (closes at deadline_time, conference time), a local date-time (conference time) or 'to be announced'.", 'oneOf': [{'type': 'string', 'pattern': '^[0-9]{4}-[0-9]{2}-[0-9]{2}$'}, {'type': 'string', 'pattern': '^[0-9]{4}-[0-9]{2}-[0-9]{2}[T ][0-9]{2}:[0-9]{2}(:[0-9]{2})?$'}, {'const': 'to be announced'}]}, rule='oneOf')
    return data

def validate_https___ccmflow_invalid_schemas_process_schema_json___defs_slug(data, custom_formats={}, name_prefix=None):
    if not isinstance(data, (str)):
        raise JsonSchemaValueException("" + (name_prefix or "data") + " must be string", value=data, name="" + (name_prefix or "data") + "", definition={'type': 'string', 'pattern': '^[a-z][a-z0-9]*(-[a-z0-9]+)*$', 'maxLength': 64}, rule='type')
    if isinstance(data, str):
        data_len = len(data)
        if data_len > 64:
            raise JsonSchemaValueException("" + (name_prefix or "data") + " must be shorter than or equal to 64 characters", value=data, name="" + (name_prefix or "data") + "", definition={'type': 'string', 'pattern': '^[a-z][a-z0-9]*(-[a-z0-9]+)*$', 'maxLength': 64}, rule='maxLength')
        if not REGEX_PATTERNS['^[a-z][a-z0-9]*(-[a-z0-9]+)*$'].search(data):
            raise JsonSchemaValueException("" + (name_prefix or "data") + " must match pattern ^[a-z][a-z0-9]*(-[a-z0-9]+)*$", value=data, name="" + (name_prefix or "data") + "", definition={'type': 'string', 'pattern': '^[a-z][a-z0-9]*(-[a-z0-9]+)*$', 'maxLength': 64}, rule='pattern')
    return data

def validate_https___ccmflow_invalid_schemas_process_schema_json___defs_date(data, custom_formats={}, name_prefix=None):
    if not isinstance(data, (str)):
        raise JsonSchemaValueException("" + (name_prefix or "data") + " must be string", value=data, name="" + (name_prefix or "data") + "", definition={'type': 'string', 'pattern': '^[0-9]{4}-[0-9]{2}-[0-9]{2}$'}, rule='type')
    if isinstance(data, str):
        if not REGEX_PATTERNS['^[0-9]{4}-[0-9]{2}-[0-9]{2}$'].search(data):
            raise JsonSchemaValueException("" + (name_prefix or "data") + " must match pattern ^[0-9]{4}-[0-9]{2}-[0-9]{2}$", value=data, name="" + (name_prefix or "data") + "", definition={'type': 'string', 'pattern': '^[0-9]{4}-[0-9]{2}-[0-9]{2}$'}, rule='pattern')
    return data


validate = validate_https___ccmflow_invalid_schemas_process_schema_json
DEFINITIONS = {
    "milestone": validate_https___ccmflow_invalid_schemas_process_schema_json___defs_milestone,
    "approximate": validate_https___ccmflow_invalid_schemas_process_schema_json___defs_approximate,
    "window": validate_https___ccmflow_invalid_schemas_process_schema_json___defs_window,
    "instant": validate_https___ccmflow_invalid_schemas_process_schema_json___defs_instant,
    "slug": validate_https___ccmflow_invalid_schemas_process_schema_json___defs_slug,
    "date": validate_https___ccmflow_invalid_schemas_process_schema_json___defs_date,
}
