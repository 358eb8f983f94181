# Generated from ccmflow/schemas/translation.schema.json by `python -m ccmflow.read.schemagen` (fastjsonschema 2.22.3): do not edit.
# ruff: noqa
# mypy: ignore-errors
SCHEMA_TEXT = '{\n  "$schema": "https://json-schema.org/draft/2020-12/schema",\n  "$id": "https://ccmflow.invalid/schemas/translation.schema.json",\n  "title": "ccmflow translation",\n  "description": "One document\'s texts in one language (documents/translations/<lang>/<doc>.yaml). Each text records the hash of the English text it translates (`source`), so an English edit marks it outdated.",\n  "type": "object",\n  "additionalProperties": false,\n  "required": [\n    "translation"\n  ],\n  "properties": {\n    "translation": {\n      "type": "object",\n      "additionalProperties": false,\n      "required": [\n        "document",\n        "language"\n      ],\n      "properties": {\n        "document": {\n          "$ref": "#/$defs/slug",\n          "description": "The id of the document translated."\n        },\n        "language": {\n          "enum": [\n            "fr",\n            "es",\n            "ar",\n            "ru",\n            "zh"\n          ],\n          "description": "The language of this file (English is the source, never a translation)."\n        }\n      }\n    },\n    "title": {\n      "$ref": "#/$defs/translated"\n    },\n    "agenda_item": {\n      "$ref": "#/$defs/translated",\n      "description": "The agenda item line of the header, translated."\n    },\n    "submitted_by": {\n      "$ref": "#/$defs/translated",\n      "description": "Who submits the document (the header\'s \'Submitted by ...\' line), translated."\n    },\n    "sections": {\n      "type": "object",\n      "description": "Section id -> its translated title.",\n      "additionalProperties": {\n        "$ref": "#/$defs/translated"\n      }\n    },\n    "paragraphs": {\n      "type": "object",\n      "description": "Paragraph id -> its translated text.",\n      "additionalProperties": {\n        "$ref": "#/$defs/translated"\n      }\n    }\n  },\n  "$defs": {\n    "slug": {\n      "type": "string",\n      "pattern": "^[a-z][a-z0-9]*(-[a-z0-9]+)*$",\n      "description": "use lower-case letters and digits, words joined by single hyphens, starting with a letter (e.g. review-document)",\n      "maxLength": 64\n    },\n    "translated": {\n      "type": "object",\n      "additionalProperties": false,\n      "required": [\n        "text",\n        "source"\n      ],\n      "properties": {\n        "text": {\n          "type": "string",\n          "minLength": 1,\n          "pattern": "\\\\S",\n          "description": "write the text: it cannot be only spaces"\n        },\n        "source": {\n          "type": "string",\n          "pattern": "^[0-9a-f]{16}$",\n          "description": "First 16 hex digits of the SHA-256 of the English text translated (UTF-8). When the English changes, the text is reported outdated until this is updated."\n        }\n      }\n    }\n  }\n}\n'
VERSION = '2.22.3'
import re
from ccmflow.read.validators import JsonSchemaValueException, JsonSchemaValuesException, LazyPatterns
REGEX_PATTERNS = LazyPatterns({'\\S': '\\S', '^[0-9a-f]{16}$': '^[0-9a-f]{16}\\Z', '^[a-z][a-z0-9]*(-[a-z0-9]+)*$': '^[a-z][a-z0-9]*(-[a-z0-9]+)*\\Z'})
NoneType = type(None)

def validate_https___ccmflow_invalid_schemas_translation_schema_json(data, custom_formats={}, name_prefix=None):
    if not isinstance(data, dict):
        raise JsonSchemaValueException('type')
    data_is_dict = isinstance(data, dict)
    if data_is_dict:
        data__missing_keys = set(['translation']) - data.keys()
        if data__missing_keys:
            raise JsonSchemaValueException('required')
        data_keys = set(data.keys())
        if 'translation' in data_keys:
            data_keys.remove('translation')
            data__translation = data['translation']
            if not isinstance(data__translation, dict):
                raise JsonSchemaValueException('type')
            data__translation_is_dict = isinstance(data__translation, dict)
            if data__translation_is_dict:
                data__translation__missing_keys = set(['document', 'language']) - data__translation.keys()
                if data__translation__missing_keys:
                    raise JsonSchemaValueException('required')
                data__translation_keys = set(data__translation.keys())
                if 'document' in data__translation_keys:
                    data__translation_keys.remove('document')
                    data__translation__document = data__translation['document']
                    validate_https___ccmflow_invalid_schemas_translation_schema_json___defs_slug(data__translation__document, custom_formats, None)
                if 'language' in data__translation_keys:
                    data__translation_keys.remove('language')
                    data__translation__language = data__translation['language']
                    if not (isinstance(data__translation__language, str) and data__translation__language == 'fr' or (isinstance(data__translation__language, str) and data__translation__language == 'es') or (isinstance(data__translation__language, str) and data__translation__language == 'ar') or (isinstance(data__translation__language, str) and data__translation__language == 'ru') or (isinstance(data__translation__language, str) and data__translation__language == 'zh')):
                        raise JsonSchemaValueException('enum')
                if data__translation_keys:
                    raise JsonSchemaValueException('additionalProperties')
        if 'title' in data_keys:
            data_keys.remove('title')
            data__title = data['title']
            validate_https___ccmflow_invalid_schemas_translation_schema_json___defs_translated(data__title, custom_formats, None)
        if 'agenda_item' in data_keys:
            data_keys.remove('agenda_item')
            data__agendaitem = data['agenda_item']
            validate_https___ccmflow_invalid_schemas_translation_schema_json___defs_translated(data__agendaitem, custom_formats, None)
        if 'submitted_by' in data_keys:
            data_keys.remove('submitted_by')
            data__submittedby = data['submitted_by']
            validate_https___ccmflow_invalid_schemas_translation_schema_json___defs_translated(data__submittedby, custom_formats, None)
        if 'sections' in data_keys:
            data_keys.remove('sections')
            data__sections = data['sections']
            if not isinstance(data__sections, dict):
                raise JsonSchemaValueException('type')
            data__sections_is_dict = isinstance(data__sections, dict)
            if data__sections_is_dict:
                data__sections_keys = set(data__sections.keys())
                for data__sections_key in data__sections_keys:
                    if data__sections_key not in []:
                        data__sections_value = data__sections.get(data__sections_key)
                        validate_https___ccmflow_invalid_schemas_translation_schema_json___defs_translated(data__sections_value, custom_formats, None)
        if 'paragraphs' in data_keys:
            data_keys.remove('paragraphs')
            data__paragraphs = data['paragraphs']
            if not isinstance(data__paragraphs, dict):
                raise JsonSchemaValueException('type')
            data__paragraphs_is_dict = isinstance(data__paragraphs, dict)
            if data__paragraphs_is_dict:
                data__paragraphs_keys = set(data__paragraphs.keys())
                for data__paragraphs_key in data__paragraphs_keys:
                    if data__paragraphs_key not in []:
                        data__paragraphs_value = data__paragraphs.get(data__paragraphs_key)
                        validate_https___ccmflow_invalid_schemas_translation_schema_json___defs_translated(data__paragraphs_value, custom_formats, None)
        if data_keys:
            raise JsonSchemaValueException('additionalProperties')
    return data

def validate_https___ccmflow_invalid_schemas_translation_schema_json___defs_translated(data, custom_formats={}, name_prefix=None):
    if not isinstance(data, dict):
        raise JsonSchemaValueException('type')
    data_is_dict = isinstance(data, dict)
    if data_is_dict:
        data__missing_keys = set(['text', 'source']) - data.keys()
        if data__missing_keys:
            raise JsonSchemaValueException('required')
        data_keys = set(data.keys())
        if 'text' in data_keys:
            data_keys.remove('text')
            data__text = data['text']
            if not isinstance(data__text, str):
                raise JsonSchemaValueException('type')
            if isinstance(data__text, str):
                data__text_len = len(data__text)
                if data__text_len < 1:
                    raise JsonSchemaValueException('minLength')
                if not REGEX_PATTERNS['\\S'].search(data__text):
                    raise JsonSchemaValueException('pattern')
        if 'source' in data_keys:
            data_keys.remove('source')
            data__source = data['source']
            if not isinstance(data__source, str):
                raise JsonSchemaValueException('type')
            if isinstance(data__source, str):
                if not REGEX_PATTERNS['^[0-9a-f]{16}$'].search(data__source):
                    raise JsonSchemaValueException('pattern')
        if data_keys:
            raise JsonSchemaValueException('additionalProperties')
    return data

def validate_https___ccmflow_invalid_schemas_translation_schema_json___defs_slug(data, custom_formats={}, name_prefix=None):
    if not isinstance(data, str):
        raise JsonSchemaValueException('type')
    if isinstance(data, str):
        data_len = len(data)
        if data_len > 64:
            raise JsonSchemaValueException('maxLength')
        if not REGEX_PATTERNS['^[a-z][a-z0-9]*(-[a-z0-9]+)*$'].search(data):
            raise JsonSchemaValueException('pattern')
    return data


validate = validate_https___ccmflow_invalid_schemas_translation_schema_json
DEFINITIONS = {
    "translated": validate_https___ccmflow_invalid_schemas_translation_schema_json___defs_translated,
    "slug": validate_https___ccmflow_invalid_schemas_translation_schema_json___defs_slug,
}
