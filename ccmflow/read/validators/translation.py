# Generated from ccmflow/schemas/translation.schema.json by `python -m ccmflow.read.schemagen` (fastjsonschema 2.22.3): do not edit.
# ruff: noqa
# mypy: ignore-errors
SCHEMA_SHA256 = "3fcab4a98ea1f9ea27a94c7d7cd4a48ef692fa16ca6faf6a884885c8fb073ddb"
VERSION = "2.22.3"
from decimal import Decimal
import re
from ccmflow.read.validators import JsonSchemaValueException, JsonSchemaValuesException


REGEX_PATTERNS = {
    '\\S': re.compile('\\S'),
    '^[0-9a-f]{16}$': re.compile('^[0-9a-f]{16}\\Z'),
    '^[a-z][a-z0-9]*(-[a-z0-9]+)*$': re.compile('^[a-z][a-z0-9]*(-[a-z0-9]+)*\\Z')
}

NoneType = type(None)

def validate_https___ccmflow_invalid_schemas_translation_schema_json(data, custom_formats={}, name_prefix=None):
    if not isinstance(data, (dict)):
        raise JsonSchemaValueException("" + (name_prefix or "data") + " must be object", value=data, name="" + (name_prefix or "data") + "", definition={'$schema': 'https://json-schema.org/draft/2020-12/schema', '$id': 'https://ccmflow.invalid/schemas/translation.schema.json', 'title': 'ccmflow translation', 'description': "One document's texts in one language (documents/translations/<lang>/<doc>.yaml). Each text records the hash of the English text it translates (`source`), so an English edit marks it outdated.", 'type': 'object', 'additionalProperties': False, 'required': ['translation'], 'properties': {'translation': {'type': 'object', 'additionalProperties': False, 'required': ['document', 'language'], 'properties': {'document': {'type': 'string', 'pattern': '^[a-z][a-z0-9]*(-[a-z0-9]+)*$', 'description': 'use lower-case letters and digits, words joined by single hyphens, starting with a letter (e.g. review-document)', 'maxLength': 64}, 'language': {'enum': ['fr', 'es', 'ar', 'ru', 'zh'], 'description': 'The language of this file (English is the source, never a translation).'}}}, 'title': {'type': 'object', 'additionalProperties': False, 'required': ['text', 'source'], 'properties': {'text': {'type': 'string', 'minLength': 1, 'pattern': '\\S', 'description': 'write the text: it cannot be only spaces'}, 'source': {'type': 'string', 'pattern': '^[0-9a-f]{16}$', 'description': 'First 16 hex digits of the SHA-256 of the English text translated (UTF-8). When the English changes, the text is reported outdated until this is updated.'}}}, 'sections': {'type': 'object', 'description': 'Section id -> its translated title.', 'additionalProperties': {'type': 'object', 'additionalProperties': False, 'required': ['text', 'source'], 'properties': {'text': {'type': 'string', 'minLength': 1, 'pattern': '\\S', 'description': 'write the text: it cannot be only spaces'}, 'source': {'type': 'string', 'pattern': '^[0-9a-f]{16}$', 'description': 'First 16 hex digits of the SHA-256 of the English text translated (UTF-8). When the English changes, the text is reported outdated until this is updated.'}}}}, 'paragraphs': {'type': 'object', 'description': 'Paragraph id -> its translated text.', 'additionalProperties': {'type': 'object', 'additionalProperties': False, 'required': ['text', 'source'], 'properties': {'text': {'type': 'string', 'minLength': 1, 'pattern': '\\S', 'description': 'write the text: it cannot be only spaces'}, 'source': {'type': 'string', 'pattern': '^[0-9a-f]{16}$', 'description': 'First 16 hex digits of the SHA-256 of the English text translated (UTF-8). When the English changes, the text is reported outdated until this is updated.'}}}}}, '$defs': {'slug': {'type': 'string', 'pattern': '^[a-z][a-z0-9]*(-[a-z0-9]+)*$', 'description': 'use lower-case letters and digits, words joined by single hyphens, starting with a letter (e.g. review-document)', 'maxLength': 64}, 'translated': {'type': 'object', 'additionalProperties': False, 'required': ['text', 'source'], 'properties': {'text': {'type': 'string', 'minLength': 1, 'pattern': '\\S', 'description': 'write the text: it cannot be only spaces'}, 'source': {'type': 'string', 'pattern': '^[0-9a-f]{16}$', 'description': 'First 16 hex digits of the SHA-256 of the English text translated (UTF-8). When the English changes, the text is reported outdated until this is updated.'}}}}}, rule='type')
    data_is_dict = isinstance(data, dict)
    if data_is_dict:
        data__missing_keys = set(['translation']) - data.keys()
        if data__missing_keys:
            raise JsonSchemaValueException("" + (name_prefix or "data") + " must contain " + (str(sorted(data__missing_keys)) + " properties"), value=data, name="" + (name_prefix or "data") + "", definition={'$schema': 'https://json-schema.org/draft/2020-12/schema', '$id': 'https://ccmflow.invalid/schemas/translation.schema.json', 'title': 'ccmflow translation', 'description': "One document's texts in one language (documents/translations/<lang>/<doc>.yaml). Each text records the hash of the English text it translates (`source`), so an English edit marks it outdated.", 'type': 'object', 'additionalProperties': False, 'required': ['translation'], 'properties': {'translation': {'type': 'object', 'additionalProperties': False, 'required': ['document', 'language'], 'properties': {'document': {'type': 'string', 'pattern': '^[a-z][a-z0-9]*(-[a-z0-9]+)*$', 'description': 'use lower-case letters and digits, words joined by single hyphens, starting with a letter (e.g. review-document)', 'maxLength': 64}, 'language': {'enum': ['fr', 'es', 'ar', 'ru', 'zh'], 'description': 'The language of this file (English is the source, never a translation).'}}}, 'title': {'type': 'object', 'additionalProperties': False, 'required': ['text', 'source'], 'properties': {'text': {'type': 'string', 'minLength': 1, 'pattern': '\\S', 'description': 'write the text: it cannot be only spaces'}, 'source': {'type': 'string', 'pattern': '^[0-9a-f]{16}$', 'description': 'First 16 hex digits of the SHA-256 of the English text translated (UTF-8). When the English changes, the text is reported outdated until this is updated.'}}}, 'sections': {'type': 'object', 'description': 'Section id -> its translated title.', 'additionalProperties': {'type': 'object', 'additionalProperties': False, 'required': ['text', 'source'], 'properties': {'text': {'type': 'string', 'minLength': 1, 'pattern': '\\S', 'description': 'write the text: it cannot be only spaces'}, 'source': {'type': 'string', 'pattern': '^[0-9a-f]{16}$', 'description': 'First 16 hex digits of the SHA-256 of the English text translated (UTF-8). When the English changes, the text is reported outdated until this is updated.'}}}}, 'paragraphs': {'type': 'object', 'description': 'Paragraph id -> its translated text.', 'additionalProperties': {'type': 'object', 'additionalProperties': False, 'required': ['text', 'source'], 'properties': {'text': {'type': 'string', 'minLength': 1, 'pattern': '\\S', 'description': 'write the text: it cannot be only spaces'}, 'source': {'type': 'string', 'pattern': '^[0-9a-f]{16}$', 'description': 'First 16 hex digits of the SHA-256 of the English text translated (UTF-8). When the English changes, the text is reported outdated until this is updated.'}}}}}, '$defs': {'slug': {'type': 'string', 'pattern': '^[a-z][a-z0-9]*(-[a-z0-9]+)*$', 'description': 'use lower-case letters and digits, words joined by single hyphens, starting with a letter (e.g. review-document)', 'maxLength': 64}, 'translated': {'type': 'object', 'additionalProperties': False, 'required': ['text', 'source'], 'properties': {'text': {'type': 'string', 'minLength': 1, 'pattern': '\\S', 'description': 'write the text: it cannot be only spaces'}, 'source': {'type': 'string', 'pattern': '^[0-9a-f]{16}$', 'description': 'First 16 hex digits of the SHA-256 of the English text translated (UTF-8). When the English changes, the text is reported outdated until this is updated.'}}}}}, rule='required')
        data_keys = set(data.keys())
        if "translation" in data_keys:
            data_keys.remove("translation")
            data__translation = data["translation"]
            if not isinstance(data__translation, (dict)):
                raise JsonSchemaValueException("" + (name_prefix or "data") + ".translation must be object", value=data__translation, name="" + (name_prefix or "data") + ".translation", definition={'type': 'object', 'additionalProperties': False, 'required': ['document', 'language'], 'properties': {'document': {'type': 'string', 'pattern': '^[a-z][a-z0-9]*(-[a-z0-9]+)*$', 'description': 'use lower-case letters and digits, words joined by single hyphens, starting with a letter (e.g. review-document)', 'maxLength': 64}, 'language': {'enum': ['fr', 'es', 'ar', 'ru', 'zh'], 'description': 'The language of this file (English is the source, never a translation).'}}}, rule='type')
            data__translation_is_dict = isinstance(data__translation, dict)
            if data__translation_is_dict:
                data__translation__missing_keys = set(['document', 'language']) - data__translation.keys()
                if data__translation__missing_keys:
                    raise JsonSchemaValueException("" + (name_prefix or "data") + ".translation must contain " + (str(sorted(data__translation__missing_keys)) + " properties"), value=data__translation, name="" + (name_prefix or "data") + ".translation", definition={'type': 'object', 'additionalProperties': False, 'required': ['document', 'language'], 'properties': {'document': {'type': 'string', 'pattern': '^[a-z][a-z0-9]*(-[a-z0-9]+)*$', 'description': 'use lower-case letters and digits, words joined by single hyphens, starting with a letter (e.g. review-document)', 'maxLength': 64}, 'language': {'enum': ['fr', 'es', 'ar', 'ru', 'zh'], 'description': 'The language of this file (English is the source, never a translation).'}}}, rule='required')
                data__translation_keys = set(data__translation.keys())
                if "document" in data__translation_keys:
                    data__translation_keys.remove("document")
                    data__translation__document = data__translation["document"]
                    validate_https___ccmflow_invalid_schemas_translation_schema_json___defs_slug(data__translation__document, custom_formats, (name_prefix or "data") + ".translation.document")
                if "language" in data__translation_keys:
                    data__translation_keys.remove("language")
                    data__translation__language = data__translation["language"]
                    if not (isinstance(data__translation__language, str) and data__translation__language == 'fr' or isinstance(data__translation__language, str) and data__translation__language == 'es' or isinstance(data__translation__language, str) and data__translation__language == 'ar' or isinstance(data__translation__language, str) and data__translation__language == 'ru' or isinstance(data__translation__language, str) and data__translation__language == 'zh'):
                        raise JsonSchemaValueException("" + (name_prefix or "data") + ".translation.language must be one of ['fr', 'es', 'ar', 'ru', 'zh']", value=data__translation__language, name="" + (name_prefix or "data") + ".translation.language", definition={'enum': ['fr', 'es', 'ar', 'ru', 'zh'], 'description': 'The language of this file (English is the source, never a translation).'}, rule='enum')
                if data__translation_keys:
                    raise JsonSchemaValueException("" + (name_prefix or "data") + ".translation must not contain "+str(data__translation_keys)+" properties", value=data__translation, name="" + (name_prefix or "data") + ".translation", definition={'type': 'object', 'additionalProperties': False, 'required': ['document', 'language'], 'properties': {'document': {'type': 'string', 'pattern': '^[a-z][a-z0-9]*(-[a-z0-9]+)*$', 'description': 'use lower-case letters and digits, words joined by single hyphens, starting with a letter (e.g. review-document)', 'maxLength': 64}, 'language': {'enum': ['fr', 'es', 'ar', 'ru', 'zh'], 'description': 'The language of this file (English is the source, never a translation).'}}}, rule='additionalProperties')
        if "title" in data_keys:
            data_keys.remove("title")
            data__title = data["title"]
            validate_https___ccmflow_invalid_schemas_translation_schema_json___defs_translated(data__title, custom_formats, (name_prefix or "data") + ".title")
        if "sections" in data_keys:
            data_keys.remove("sections")
            data__sections = data["sections"]
            if not isinstance(data__sections, (dict)):
                raise JsonSchemaValueException("" + (name_prefix or "data") + ".sections must be object", value=data__sections, name="" + (name_prefix or "data") + ".sections", definition={'type': 'object', 'description': 'Section id -> its translated title.', 'additionalProperties': {'type': 'object', 'additionalProperties': False, 'required': ['text', 'source'], 'properties': {'text': {'type': 'string', 'minLength': 1, 'pattern': '\\S', 'description': 'write the text: it cannot be only spaces'}, 'source': {'type': 'string', 'pattern': '^[0-9a-f]{16}$', 'description': 'First 16 hex digits of the SHA-256 of the English text translated (UTF-8). When the English changes, the text is reported outdated until this is updated.'}}}}, rule='type')
            data__sections_is_dict = isinstance(data__sections, dict)
            if data__sections_is_dict:
                data__sections_keys = set(data__sections.keys())
                for data__sections_key in data__sections_keys:
                    if data__sections_key not in []:
                        data__sections_value = data__sections.get(data__sections_key)
                        validate_https___ccmflow_invalid_schemas_translation_schema_json___defs_translated(data__sections_value, custom_formats, (name_prefix or "data") + ".sections.{data__sections_key}".format(**locals()))
        if "paragraphs" in data_keys:
            data_keys.remove("paragraphs")
            data__paragraphs = data["paragraphs"]
            if not isinstance(data__paragraphs, (dict)):
                raise JsonSchemaValueException("" + (name_prefix or "data") + ".paragraphs must be object", value=data__paragraphs, name="" + (name_prefix or "data") + ".paragraphs", definition={'type': 'object', 'description': 'Paragraph id -> its translated text.', 'additionalProperties': {'type': 'object', 'additionalProperties': False, 'required': ['text', 'source'], 'properties': {'text': {'type': 'string', 'minLength': 1, 'pattern': '\\S', 'description': 'write the text: it cannot be only spaces'}, 'source': {'type': 'string', 'pattern': '^[0-9a-f]{16}$', 'description': 'First 16 hex digits of the SHA-256 of the English text translated (UTF-8). When the English changes, the text is reported outdated until this is updated.'}}}}, rule='type')
            data__paragraphs_is_dict = isinstance(data__paragraphs, dict)
            if data__paragraphs_is_dict:
                data__paragraphs_keys = set(data__paragraphs.keys())
                for data__paragraphs_key in data__paragraphs_keys:
                    if data__paragraphs_key not in []:
                        data__paragraphs_value = data__paragraphs.get(data__paragraphs_key)
                        validate_https___ccmflow_invalid_schemas_translation_schema_json___defs_translated(data__paragraphs_value, custom_formats, (name_prefix or "data") + ".paragraphs.{data__paragraphs_key}".format(**locals()))
        if data_keys:
            raise JsonSchemaValueException("" + (name_prefix or "data") + " must not contain "+str(data_keys)+" properties", value=data, name="" + (name_prefix or "data") + "", definition={'$schema': 'https://json-schema.org/draft/2020-12/schema', '$id': 'https://ccmflow.invalid/schemas/translation.schema.json', 'title': 'ccmflow translation', 'description': "One document's texts in one language (documents/translations/<lang>/<doc>.yaml). Each text records the hash of the English text it translates (`source`), so an English edit marks it outdated.", 'type': 'object', 'additionalProperties': False, 'required': ['translation'], 'properties': {'translation': {'type': 'object', 'additionalProperties': False, 'required': ['document', 'language'], 'properties': {'document': {'type': 'string', 'pattern': '^[a-z][a-z0-9]*(-[a-z0-9]+)*$', 'description': 'use lower-case letters and digits, words joined by single hyphens, starting with a letter (e.g. review-document)', 'maxLength': 64}, 'language': {'enum': ['fr', 'es', 'ar', 'ru', 'zh'], 'description': 'The language of this file (English is the source, never a translation).'}}}, 'title': {'type': 'object', 'additionalProperties': False, 'required': ['text', 'source'], 'properties': {'text': {'type': 'string', 'minLength': 1, 'pattern': '\\S', 'description': 'write the text: it cannot be only spaces'}, 'source': {'type': 'string', 'pattern': '^[0-9a-f]{16}$', 'description': 'First 16 hex digits of the SHA-256 of the English text translated (UTF-8). When the English changes, the text is reported outdated until this is updated.'}}}, 'sections': {'type': 'object', 'description': 'Section id -> its translated title.', 'additionalProperties': {'type': 'object', 'additionalProperties': False, 'required': ['text', 'source'], 'properties': {'text': {'type': 'string', 'minLength': 1, 'pattern': '\\S', 'description': 'write the text: it cannot be only spaces'}, 'source': {'type': 'string', 'pattern': '^[0-9a-f]{16}$', 'description': 'First 16 hex digits of the SHA-256 of the English text translated (UTF-8). When the English changes, the text is reported outdated until this is updated.'}}}}, 'paragraphs': {'type': 'object', 'description': 'Paragraph id -> its translated text.', 'additionalProperties': {'type': 'object', 'additionalProperties': False, 'required': ['text', 'source'], 'properties': {'text': {'type': 'string', 'minLength': 1, 'pattern': '\\S', 'description': 'write the text: it cannot be only spaces'}, 'source': {'type': 'string', 'pattern': '^[0-9a-f]{16}$', 'description': 'First 16 hex digits of the SHA-256 of the English text translated (UTF-8). When the English changes, the text is reported outdated until this is updated.'}}}}}, '$defs': {'slug': {'type': 'string', 'pattern': '^[a-z][a-z0-9]*(-[a-z0-9]+)*$', 'description': 'use lower-case letters and digits, words joined by single hyphens, starting with a letter (e.g. review-document)', 'maxLength': 64}, 'translated': {'type': 'object', 'additionalProperties': False, 'required': ['text', 'source'], 'properties': {'text': {'type': 'string', 'minLength': 1, 'pattern': '\\S', 'description': 'write the text: it cannot be only spaces'}, 'source': {'type': 'string', 'pattern': '^[0-9a-f]{16}$', 'description': 'First 16 hex digits of the SHA-256 of the English text translated (UTF-8). When the English changes, the text is reported outdated until this is updated.'}}}}}, rule='additionalProperties')
    return data

def validate_https___ccmflow_invalid_schemas_translation_schema_json___defs_translated(data, custom_formats={}, name_prefix=None):
    if not isinstance(data, (dict)):
        raise JsonSchemaValueException("" + (name_prefix or "data") + " must be object", value=data, name="" + (name_prefix or "data") + "", definition={'type': 'object', 'additionalProperties': False, 'required': ['text', 'source'], 'properties': {'text': {'type': 'string', 'minLength': 1, 'pattern': '\\S', 'description': 'write the text: it cannot be only spaces'}, 'source': {'type': 'string', 'pattern': '^[0-9a-f]{16}$', 'description': 'First 16 hex digits of the SHA-256 of the English text translated (UTF-8). When the English changes, the text is reported outdated until this is updated.'}}}, rule='type')
    data_is_dict = isinstance(data, dict)
    if data_is_dict:
        data__missing_keys = set(['text', 'source']) - data.keys()
        if data__missing_keys:
            raise JsonSchemaValueException("" + (name_prefix or "data") + " must contain " + (str(sorted(data__missing_keys)) + " properties"), value=data, name="" + (name_prefix or "data") + "", definition={'type': 'object', 'additionalProperties': False, 'required': ['text', 'source'], 'properties': {'text': {'type': 'string', 'minLength': 1, 'pattern': '\\S', 'description': 'write the text: it cannot be only spaces'}, 'source': {'type': 'string', 'pattern': '^[0-9a-f]{16}$', 'description': 'First 16 hex digits of the SHA-256 of the English text translated (UTF-8). When the English changes, the text is reported outdated until this is updated.'}}}, rule='required')
        data_keys = set(data.keys())
        if "text" in data_keys:
            data_keys.remove("text")
            data__text = data["text"]
            if not isinstance(data__text, (str)):
                raise JsonSchemaValueException("" + (name_prefix or "data") + ".text must be string", value=data__text, name="" + (name_prefix or "data") + ".text", definition={'type': 'string', 'minLength': 1, 'pattern': '\\S', 'description': 'write the text: it cannot be only spaces'}, rule='type')
            if isinstance(data__text, str):
                data__text_len = len(data__text)
                if data__text_len < 1:
                    raise JsonSchemaValueException("" + (name_prefix or "data") + ".text must be longer than or equal to 1 characters", value=data__text, name="" + (name_prefix or "data") + ".text", definition={'type': 'string', 'minLength': 1, 'pattern': '\\S', 'description': 'write the text: it cannot be only spaces'}, rule='minLength')
                if not REGEX_PATTERNS['\\S'].search(data__text):
                    raise JsonSchemaValueException("" + (name_prefix or "data") + ".text must match pattern \\S", value=data__text, name="" + (name_prefix or "data") + ".text", definition={'type': 'string', 'minLength': 1, 'pattern': '\\S', 'description': 'write the text: it cannot be only spaces'}, rule='pattern')
        if "source" in data_keys:
            data_keys.remove("source")
            data__source = data["source"]
            if not isinstance(data__source, (str)):
                raise JsonSchemaValueException("" + (name_prefix or "data") + ".source must be string", value=data__source, name="" + (name_prefix or "data") + ".source", definition={'type': 'string', 'pattern': '^[0-9a-f]{16}$', 'description': 'First 16 hex digits of the SHA-256 of the English text translated (UTF-8). When the English changes, the text is reported outdated until this is updated.'}, rule='type')
            if isinstance(data__source, str):
                if not REGEX_PATTERNS['^[0-9a-f]{16}$'].search(data__source):
                    raise JsonSchemaValueException("" + (name_prefix or "data") + ".source must match pattern ^[0-9a-f]{16}$", value=data__source, name="" + (name_prefix or "data") + ".source", definition={'type': 'string', 'pattern': '^[0-9a-f]{16}$', 'description': 'First 16 hex digits of the SHA-256 of the English text translated (UTF-8). When the English changes, the text is reported outdated until this is updated.'}, rule='pattern')
        if data_keys:
            raise JsonSchemaValueException("" + (name_prefix or "data") + " must not contain "+str(data_keys)+" properties", value=data, name="" + (name_prefix or "data") + "", definition={'type': 'object', 'additionalProperties': False, 'required': ['text', 'source'], 'properties': {'text': {'type': 'string', 'minLength': 1, 'pattern': '\\S', 'description': 'write the text: it cannot be only spaces'}, 'source': {'type': 'string', 'pattern': '^[0-9a-f]{16}$', 'description': 'First 16 hex digits of the SHA-256 of the English text translated (UTF-8). When the English changes, the text is reported outdated until this is updated.'}}}, rule='additionalProperties')
    return data

def validate_https___ccmflow_invalid_schemas_translation_schema_json___defs_slug(data, custom_formats={}, name_prefix=None):
    if not isinstance(data, (str)):
        raise JsonSchemaValueException("" + (name_prefix or "data") + " must be string", value=data, name="" + (name_prefix or "data") + "", definition={'type': 'string', 'pattern': '^[a-z][a-z0-9]*(-[a-z0-9]+)*$', 'description': 'use lower-case letters and digits, words joined by single hyphens, starting with a letter (e.g. review-document)', 'maxLength': 64}, rule='type')
    if isinstance(data, str):
        data_len = len(data)
        if data_len > 64:
            raise JsonSchemaValueException("" + (name_prefix or "data") + " must be shorter than or equal to 64 characters", value=data, name="" + (name_prefix or "data") + "", definition={'type': 'string', 'pattern': '^[a-z][a-z0-9]*(-[a-z0-9]+)*$', 'description': 'use lower-case letters and digits, words joined by single hyphens, starting with a letter (e.g. review-document)', 'maxLength': 64}, rule='maxLength')
        if not REGEX_PATTERNS['^[a-z][a-z0-9]*(-[a-z0-9]+)*$'].search(data):
            raise JsonSchemaValueException("" + (name_prefix or "data") + " must match pattern ^[a-z][a-z0-9]*(-[a-z0-9]+)*$", value=data, name="" + (name_prefix or "data") + "", definition={'type': 'string', 'pattern': '^[a-z][a-z0-9]*(-[a-z0-9]+)*$', 'description': 'use lower-case letters and digits, words joined by single hyphens, starting with a letter (e.g. review-document)', 'maxLength': 64}, rule='pattern')
    return data


validate = validate_https___ccmflow_invalid_schemas_translation_schema_json
DEFINITIONS = {
    "translated": validate_https___ccmflow_invalid_schemas_translation_schema_json___defs_translated,
    "slug": validate_https___ccmflow_invalid_schemas_translation_schema_json___defs_slug,
}
