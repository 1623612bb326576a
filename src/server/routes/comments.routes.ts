import { z } from 'zod';
import { addComment } from '../../services/comments/add-comment.ts';
import { editComment, removeComment } from '../../services/comments/change-comment.ts';
import {
  commentChangesSchema,
  commentQuerySchema,
  newCommentSchema,
} from '../../services/comments/comment.schema.ts';
import { getComments } from '../../services/comments/list-comments.ts';
import { defineRoute } from '../http/route.ts';
import { planParams } from './plans.routes.ts';

const commentParams = z.strictObject({
  planId: z.string().min(1).max(64),
  commentId: z.string().min(1).max(64),
});

export const commentRoutes = [
  defineRoute({
    method: 'GET',
    path: '/api/v1/plans/:planId/comments',
    summary:
      "Comment threads on the plan's points that you may read: your party's, and for the mediator those opened to it",
    tag: 'comments',
    access: 'user',
    policy: 'plan.read',
    params: planParams,
    query: commentQuerySchema,
    responseDescription: 'items: threads (point, party, visibility, comments with authors), counts per point',
    async handler({ database, actor, params, query }) {
      return getComments(database, actor, params.planId, query);
    },
  }),
  defineRoute({
    method: 'POST',
    path: '/api/v1/plans/:planId/comments',
    summary:
      'Open a comment thread on a point (visible to your party, or also to the mediator), or reply in one (threadId)',
    tag: 'comments',
    access: 'user',
    policy: 'comment.write',
    params: planParams,
    body: newCommentSchema,
    status: 201,
    async handler({ database, actor, params, body }) {
      const { comment, thread } = await addComment(database, actor, params.planId, body);
      return { comment, thread };
    },
  }),
  defineRoute({
    method: 'PATCH',
    path: '/api/v1/plans/:planId/comments/:commentId',
    summary: 'Edit the text of a comment you wrote',
    tag: 'comments',
    access: 'user',
    policy: 'comment.write',
    params: commentParams,
    body: commentChangesSchema,
    async handler({ database, actor, params, body }) {
      return { comment: (await editComment(database, actor, params.planId, params.commentId, body)).comment };
    },
  }),
  defineRoute({
    method: 'DELETE',
    path: '/api/v1/plans/:planId/comments/:commentId',
    summary: 'Delete a comment you wrote (a thread’s first comment only while nobody has replied)',
    tag: 'comments',
    access: 'user',
    policy: 'comment.write',
    params: commentParams,
    status: 204,
    async handler({ database, actor, params }) {
      await removeComment(database, actor, params.planId, params.commentId);
      return null;
    },
  }),
];
