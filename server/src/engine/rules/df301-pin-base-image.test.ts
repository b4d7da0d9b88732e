import { testRule } from '../../test-support/rule-tester';
import { df301 } from './df301-pin-base-image';

const PIN = 'Pin a version (or a digest) so builds are repeatable.';
const noTag = (image: string) => `'${image}' has no tag, so it resolves to whatever 'latest' is when pulled. ${PIN}`;
const DATE = 'tags as of 2026-08-21';

testRule(df301, {
  valid: [
    'FROM node:24-alpine\n',
    'FROM node@sha256:0000000000000000000000000000000000000000000000000000000000000000\n',
    { name: 'stage names and scratch are exempt', code: 'FROM golang:1.27 AS build\nFROM build AS test\nFROM scratch\nCOPY --from=build /app /app\n' },
    { name: 'ARG default supplies a tag', code: 'ARG NODE_VERSION=24\nFROM node:${NODE_VERSION}-alpine\n' },
    { name: 'tag only known at build time', code: 'ARG TAG\nFROM node:${TAG}\n' },
    { name: 'a moving alias that names a line on purpose', code: 'FROM node:lts-alpine\n' },
    { name: 'stage name compared case-insensitively', code: 'FROM alpine:3.24 AS Base\nFROM base\n' },
  ],
  invalid: [
    {
      name: 'no tag: recommended line first, then the exact version',
      code: 'FROM node\nCMD ["node"]\n',
      findings: [
        {
          range: [0, 5, 0, 9],
          message: noTag('node'),
          fixes: [
            { title: `Pin tag: node:24 (recommended line, ${DATE})`, output: 'FROM node:24\nCMD ["node"]\n' },
            { title: `Pin tag: node:24.19.0 (exact version, ${DATE})`, output: 'FROM node:24.19.0\nCMD ["node"]\n' },
          ],
        },
      ],
    },
    {
      name: 'variant kept; a tag pinned elsewhere in the file comes first',
      code: 'FROM node:20-alpine AS deps\nFROM node:alpine\n',
      findings: [
        {
          range: [1, 5, 1, 16],
          message: `'node:alpine' names a variant but no version, so it moves with every release. ${PIN}`,
          fixes: [
            { title: 'Pin tag: node:20-alpine (already pinned in this file)', output: 'FROM node:20-alpine AS deps\nFROM node:20-alpine\n' },
            { title: `Pin tag: node:24-alpine (recommended line, ${DATE})`, output: 'FROM node:20-alpine AS deps\nFROM node:24-alpine\n' },
            { title: `Pin tag: node:24.19.0-alpine (exact version, ${DATE})`, output: 'FROM node:20-alpine AS deps\nFROM node:24.19.0-alpine\n' },
          ],
        },
      ],
    },
    {
      name: 'latest after ARG substitution, with --platform and a stage name',
      code: 'ARG BASE=python:latest\nFROM --platform=$BUILDPLATFORM ${BASE} AS build\n',
      findings: [{ range: [1, 31, 1, 38], message: `'python:latest' moves with every release. ${PIN}` }],
    },
    {
      name: 'explicit latest tag is replaced',
      code: 'FROM docker.io/library/python:latest\n',
      findings: [
        {
          range: [0, 5, 0, 36],
          message: `'docker.io/library/python:latest' moves with every release. ${PIN}`,
          fixes: [
            { title: `Pin tag: python:3.14 (recommended line, ${DATE})`, output: 'FROM docker.io/library/python:3.14\n' },
            { title: `Pin tag: python:3.14.7 (exact version, ${DATE})`, output: 'FROM docker.io/library/python:3.14.7\n' },
          ],
        },
      ],
    },
    {
      name: 'database: the line latest pulls comes first, the older LTS says why it is risky',
      code: 'FROM mysql\n',
      findings: [
        {
          range: [0, 5, 0, 10],
          message: noTag('mysql'),
          fixes: [
            { title: `Pin tag: mysql:26.7 (the line 'latest' pulls today, ${DATE})`, output: 'FROM mysql:26.7\n' },
            { title: "Pin tag: mysql:9.7 (recommended line, older than what 'latest' pulls: data written by 26.7 cannot be read by 9.7)", output: 'FROM mysql:9.7\n' },
            { title: `Pin tag: mysql:26.7.0 (exact version, ${DATE})`, output: 'FROM mysql:26.7.0\n' },
          ],
        },
      ],
    },
    {
      name: 'an image without a latest tag does not pull at all',
      code: 'FROM mongo\n',
      findings: [
        {
          range: [0, 5, 0, 10],
          message: `'mongo' asks for 'latest', which 'mongo' does not publish, so it does not pull at all. ${PIN}`,
          fixes: [
            { title: `Pin tag: mongo:8.0 (recommended line, ${DATE})`, output: 'FROM mongo:8.0\n' },
            { title: `Pin tag: mongo:8.0.29 (exact version, ${DATE})`, output: 'FROM mongo:8.0.29\n' },
          ],
        },
      ],
    },
    {
      name: 'unknown image: reported, nothing to offer',
      code: 'FROM example.com/team/tool\n',
      findings: [{ range: [0, 5, 0, 26], message: noTag('example.com/team/tool') }],
    },
  ],
});
