import { applyDecorators } from '@nestjs/common';
import { Type } from 'class-transformer';
import { IsArray, IsDefined, IsObject, registerDecorator, ValidateIf, ValidateNested, type ValidationArguments } from 'class-validator';

/**
 * Like @IsOptional, but only for absence: class-validator's @IsOptional also waves `null` through,
 * which then reaches services and the database as a value nobody checked (a null seat secret, a
 * null instructions map that launch reads). Where null means something, a DTO says so itself.
 */
export function Omittable(): PropertyDecorator {
  return ValidateIf((_object: object, value: unknown) => value !== undefined);
}

interface MapOptions {
  /** At most this many keys. */
  readonly maxKeys: number;
  /** Each key at most this long. */
  readonly maxKeyLength?: number;
}

function isPlainMap(value: unknown, options: MapOptions): value is Record<string, unknown> {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return false;
  const keys = Object.keys(value);
  const maxKeyLength = options.maxKeyLength ?? 64;
  return keys.length <= options.maxKeys && keys.every((key) => key.length >= 1 && key.length <= maxKeyLength);
}

function mapValidator(name: string, describe: string, valueOk: (value: unknown) => boolean, options: MapOptions): PropertyDecorator {
  return (target: object, propertyName: string | symbol) => {
    registerDecorator({
      name,
      target: target.constructor,
      propertyName: String(propertyName),
      validator: {
        validate: (value: unknown) => isPlainMap(value, options) && Object.values(value).every(valueOk),
        defaultMessage: (args?: ValidationArguments) =>
          `${args?.property ?? 'value'} must be an object of at most ${options.maxKeys} keys whose values are ${describe}`,
      },
    });
  };
}

/** A map of texts, e.g. participant-facing text per language: `{ en: '…' }`. */
export function IsStringMap(options: MapOptions & { readonly maxLength: number }): PropertyDecorator {
  const valueOk = (value: unknown) => typeof value === 'string' && value.length <= options.maxLength;
  return mapValidator('isStringMap', `strings of at most ${options.maxLength} characters`, valueOk, options);
}

/** A map of finite numbers, e.g. allocation weights per condition (launch judges their range). */
export function IsNumberMap(options: MapOptions): PropertyDecorator {
  const valueOk = (value: unknown) => typeof value === 'number' && Number.isFinite(value);
  return mapValidator('isNumberMap', 'finite numbers', valueOk, options);
}

/**
 * A required nested object, validated by its own class. @ValidateNested alone lets an absent part
 * through, and validates an array where one object belongs element by element.
 */
export function Nested(type: () => new () => object): PropertyDecorator {
  return applyDecorators(IsDefined(), IsObject(), ValidateNested(), Type(type));
}

/** A list of nested objects: each element must itself be an object (not a list) of its class. */
export function NestedList(type: () => new () => object): PropertyDecorator {
  return applyDecorators(IsArray(), IsObject({ each: true }), ValidateNested({ each: true }), Type(type));
}
